package dk.qnet.referral;

/**
 * Everything about the woman that could identify or endanger her. It exists in clear only in
 * memory while a request is served; at rest it is one encrypted blob (referral_secret).
 */
public record PersonalData(
        String firstName,
        String lastName,
        String phone,
        String email,
        PreferredContact preferredContact,
        String contactTimes,
        boolean safeToLeaveMessage,
        boolean protectedAddress,
        String safetyNotes,
        String wishes) {

    /** The names of the fields a full view shows, for the read audit. */
    public static final String FIELDS =
            "firstName,lastName,phone,email,preferredContact,contactTimes,safeToLeaveMessage,protectedAddress,safetyNotes,wishes";

    public enum PreferredContact {
        PHONE,
        SMS,
        EMAIL
    }
}
