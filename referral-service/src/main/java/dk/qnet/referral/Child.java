package dk.qnet.referral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A child who comes along: birth year and, if given, sex. Never a name. */
public record Child(@Schema(minimum = "" + MIN_BIRTH_YEAR, maximum = "" + MAX_BIRTH_YEAR) int birthYear, Sex sex) {

    /** Bounds that hold for every child this suite can be told of (born within 18 years of a referral made after 2020). */
    public static final int MIN_BIRTH_YEAR = 2000;
    public static final int MAX_BIRTH_YEAR = 2100;

    public enum Sex {
        FEMALE,
        MALE,
        OTHER
    }
}
