package dk.qnet.contracts.referral;

public enum DayPeriod {
    MORNING,
    AFTERNOON,
    EVENING
}
