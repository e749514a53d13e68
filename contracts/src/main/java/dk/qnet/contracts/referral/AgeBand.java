package dk.qnet.contracts.referral;

/** A volunteer's age band, as the woman may prefer it. */
public enum AgeBand {
    UNDER_30,
    FROM_30_TO_49,
    FROM_50_TO_64,
    FROM_65
}
