package dk.qnet.referral.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.qnet.contracts.Limits;
import dk.qnet.contracts.network.NetworkIds;
import dk.qnet.contracts.referral.ConsentScope;
import dk.qnet.contracts.referral.MatchingProfile;
import dk.qnet.contracts.referral.SenderType;
import dk.qnet.referral.Child;
import dk.qnet.referral.ConsentMethod;
import dk.qnet.referral.PersonalData;
import dk.qnet.referral.Referral;
import dk.qnet.referral.ReferralStatus;
import dk.qnet.referral.StatusReason;
import dk.qnet.referral.service.Disclosure;
import dk.qnet.referral.service.ReferralAccess;
import dk.qnet.referral.service.ReferralRequestValidator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A referral as one caller may see it. Fields the caller may not see are left out: an adviser
 * sees status only; personal data appears only in the detail view of those who need it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralView(
        UUID id,
        ReferralStatus status,
        StatusReason statusReason,
        @Schema(maxLength = Limits.MUNICIPALITY_CODE_LENGTH) String municipalityCode,
        @Schema(maxLength = NetworkIds.MAX_LENGTH) String networkId,
        Boolean unrouted,
        SenderType senderType,
        LocalDate expectedMoveOutDate,
        @Schema(maxItems = ReferralRequestValidator.MAX_CHILDREN) List<Child> children,
        MatchingProfile matching,
        ConsentView consent,
        Instant receivedAt,
        Instant updatedAt,
        boolean erased,
        PersonalData personalData) {

    public record ConsentView(@Schema(maxItems = Limits.MAX_CODES) List<ConsentScope> scopes, Instant givenAt, ConsentMethod method) {
    }

    /** Status and dates: what an adviser of the municipality may see. */
    public static ReferralView statusOnly(Referral r) {
        return new ReferralView(r.id, r.status, r.statusReason, r.municipalityCode, r.networkId, null, r.senderType,
                null, null, null, null, r.receivedAt, r.updatedAt, r.erasedAt != null, null);
    }

    /** Everything but personal data. */
    public static ReferralView summary(Referral r) {
        return withPersonalData(r, null);
    }

    /** The referral as one access view allows: status only, or the summary (lists and answers never carry personal data). */
    public static ReferralView of(Referral r, ReferralAccess.View view) {
        return switch (view) {
            case STATUS -> statusOnly(r);
            case SUMMARY, FULL -> summary(r);
            case NONE -> throw new IllegalArgumentException("no view of a referral the caller may not see");
        };
    }

    /** What a read disclosed: a full view with her personal data, else as {@link #of(Referral, ReferralAccess.View)}. */
    public static ReferralView of(Disclosure d) {
        return d.view() == ReferralAccess.View.FULL ? withPersonalData(d.referral(), d.personalData()) : of(d.referral(), d.view());
    }

    public static ReferralView withPersonalData(Referral r, PersonalData personalData) {
        return new ReferralView(r.id, r.status, r.statusReason, r.municipalityCode, r.networkId, r.unrouted, r.senderType,
                r.expectedMoveOut, r.children, r.matching,
                r.consentGivenAt == null ? null : new ConsentView(r.consentScopes, r.consentGivenAt, r.consentMethod),
                r.receivedAt, r.updatedAt, r.erasedAt != null, personalData);
    }
}
