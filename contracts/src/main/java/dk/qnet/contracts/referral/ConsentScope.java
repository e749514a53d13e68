package dk.qnet.contracts.referral;

/** What the woman agreed to. QNET_CONTACT is required for every referral. */
public enum ConsentScope {
    QNET_CONTACT,
    SHARE_WITH_MUNICIPALITY,
    STATISTICS
}
