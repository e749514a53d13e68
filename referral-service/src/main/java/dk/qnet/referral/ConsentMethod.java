package dk.qnet.referral;

/** How the woman's consent was given. */
public enum ConsentMethod {
    VERBAL,
    WRITTEN,
    DIGITAL
}
