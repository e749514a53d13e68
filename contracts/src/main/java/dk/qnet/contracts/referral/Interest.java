package dk.qnet.contracts.referral;

/** Interests for matching: a closed list, never free text, so nothing identifying can slip in. */
public enum Interest {
    COOKING,
    CRAFTS,
    NATURE,
    SPORTS,
    MUSIC,
    READING,
    CULTURE,
    LANGUAGES,
    CHILDREN,
    FAITH,
    GARDENING,
    TECHNOLOGY
}
