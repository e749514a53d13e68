package dk.qnet.referral;

/** A child who comes along: birth year and, if given, sex. Never a name. */
public record Child(int birthYear, Sex sex) {

    public enum Sex {
        FEMALE,
        MALE,
        OTHER
    }
}
