package dk.qnet.referral.service;

import dk.qnet.contracts.referral.ConsentScope;
import dk.qnet.platform.problem.FieldErrors;
import dk.qnet.platform.problem.RequestRules;
import dk.qnet.platform.time.SuiteClock;
import dk.qnet.referral.PersonalData;
import dk.qnet.referral.PersonalData.PreferredContact;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

/**
 * Checks a new referral: the annotations of {@link NewReferral} through Bean Validation, then the
 * rules that depend on today or on another field. One error per invalid field; messages say what
 * is expected and never repeat the value, which may be personal data.
 */
@ApplicationScoped
public class ReferralRequestValidator {

    public static final int MAX_CHILDREN = 10;
    /** Children who come along from a shelter are minors. */
    public static final int MAX_CHILD_AGE = 18;
    public static final int MAX_NAME = PersonalData.MAX_NAME;
    public static final int MAX_CONTACT_TIMES = PersonalData.MAX_CONTACT_TIMES;
    public static final int MAX_SAFETY_NOTES = PersonalData.MAX_SAFETY_NOTES;
    public static final int MAX_WISHES = PersonalData.MAX_WISHES;
    /** Consent given "now" on a clock a little ahead of ours is not in the future. */
    static final long CLOCK_SKEW_SECONDS = 300;

    private final RequestRules rules;
    private final SuiteClock clock;

    public ReferralRequestValidator(RequestRules rules, SuiteClock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    public FieldErrors validate(NewReferral r) {
        FieldErrors errors = rules.check(r);
        if (r == null) {
            return errors;
        }
        LocalDate today = clock.today();
        if (r.woman() != null && r.woman().preferredContact() == PreferredContact.EMAIL && r.woman().email() == null) {
            errors.add("woman.preferredContact", "EMAIL needs an e-mail address");
        }
        if (r.expectedMoveOutDate() != null
                && (r.expectedMoveOutDate().isAfter(today.plusYears(1)) || r.expectedMoveOutDate().isBefore(today.minusYears(1)))) {
            errors.add("expectedMoveOutDate", "must be within a year of today");
        }
        List<NewReferral.NewChild> children = r.children() == null ? List.of() : r.children();
        int thisYear = today.getYear();
        for (int i = 0; i < children.size(); i++) {
            Integer birthYear = children.get(i) == null ? null : children.get(i).birthYear();
            if (birthYear != null && (birthYear > thisYear || birthYear < thisYear - MAX_CHILD_AGE)) {
                errors.add("children[" + i + "].birthYear", "must be between " + (thisYear - MAX_CHILD_AGE) + " and " + thisYear);
            }
        }
        NewReferral.Matching m = r.matching();
        if (m != null && m.availability() != null && new HashSet<>(m.availability()).size() != m.availability().size()) {
            errors.add("matching.availability", "must not repeat a slot");
        }
        NewReferral.Consent consent = r.consent();
        if (consent != null && consent.scopes() != null && !consent.scopes().contains(ConsentScope.QNET_CONTACT)) {
            errors.add("consent.scopes", "must include QNET_CONTACT");
        }
        if (consent != null && consent.givenAt() != null && consent.givenAt().isAfter(clock.now().plusSeconds(CLOCK_SKEW_SECONDS))) {
            errors.add("consent.givenAt", "must not be in the future");
        }
        return errors;
    }
}
