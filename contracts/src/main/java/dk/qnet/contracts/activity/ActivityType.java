package dk.qnet.contracts.activity;

public enum ActivityType {
    MEAL,
    EXCURSION,
    CREATIVE_WORKSHOP,
    CHILDREN_ACTIVITY,
    INFORMATION_MEETING,
    OTHER
}
