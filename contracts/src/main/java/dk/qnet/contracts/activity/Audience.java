package dk.qnet.contracts.activity;

public enum Audience {
    WOMEN,
    CHILDREN,
    VOLUNTEERS
}
