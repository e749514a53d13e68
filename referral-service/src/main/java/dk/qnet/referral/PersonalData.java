package dk.qnet.referral;

import dk.qnet.platform.validation.FieldRules;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything about the woman that could identify or endanger her. It exists in clear only in
 * memory while a request is served; at rest it is one encrypted blob (referral_secret).
 */
public record PersonalData(
        @Schema(maxLength = MAX_NAME) String firstName,
        @Schema(maxLength = MAX_NAME) String lastName,
        @Schema(maxLength = FieldRules.MAX_PHONE) String phone,
        @Schema(maxLength = FieldRules.MAX_EMAIL) String email,
        PreferredContact preferredContact,
        @Schema(maxLength = MAX_CONTACT_TIMES) String contactTimes,
        boolean safeToLeaveMessage,
        boolean protectedAddress,
        @Schema(maxLength = MAX_SAFETY_NOTES) String safetyNotes,
        @Schema(maxLength = MAX_WISHES) String wishes) {

    /** The longest texts the intake takes (ReferralRequestValidator), so the longest a view shows. */
    public static final int MAX_NAME = 100;
    public static final int MAX_CONTACT_TIMES = 200;
    public static final int MAX_SAFETY_NOTES = 2000;
    public static final int MAX_WISHES = 1000;

    /** The names of the fields a full view shows, for the read audit. */
    public static final String FIELDS =
            "firstName,lastName,phone,email,preferredContact,contactTimes,safeToLeaveMessage,protectedAddress,safetyNotes,wishes";

    public enum PreferredContact {
        PHONE,
        SMS,
        EMAIL
    }
}
