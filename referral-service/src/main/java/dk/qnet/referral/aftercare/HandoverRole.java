package dk.qnet.referral.aftercare;

/** Who took part in the handover meeting before the move-out. */
public enum HandoverRole {
    WOMAN,
    SHELTER,
    ADVISER,
    QNET,
    OTHER_OFFER
}
