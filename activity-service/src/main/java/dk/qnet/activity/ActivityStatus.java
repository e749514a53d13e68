package dk.qnet.activity;

public enum ActivityStatus {
    PLANNED,
    CANCELLED,
    HELD
}
