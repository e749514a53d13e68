package dk.qnet.contracts.referral;

/** Who referred the woman. Taken from the caller's token, never from a request body. */
public enum SenderType {
    SHELTER,
    MUNICIPALITY,
    PARTNER,
    SELF
}
