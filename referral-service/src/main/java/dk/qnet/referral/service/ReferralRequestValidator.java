package dk.qnet.referral.service;

import dk.qnet.contracts.DanishTime;
import dk.qnet.contracts.Limits;
import dk.qnet.contracts.Municipalities;
import dk.qnet.contracts.referral.ConsentScope;
import dk.qnet.platform.problem.FieldError;
import dk.qnet.platform.validation.FieldRules;
import dk.qnet.referral.PersonalData.PreferredContact;
import dk.qnet.referral.PersonalData;
import dk.qnet.referral.service.NewReferral;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Checks a new referral field by field and returns one error per invalid field. Messages say what
 * is expected and never repeat the value, which may be personal data.
 */
public final class ReferralRequestValidator {

    public static final int MAX_CHILDREN = 10;
    /** Children who come along from a shelter are minors. */
    public static final int MAX_CHILD_AGE = 18;
    public static final int MAX_NAME = PersonalData.MAX_NAME;
    public static final int MAX_CONTACT_TIMES = PersonalData.MAX_CONTACT_TIMES;
    public static final int MAX_SAFETY_NOTES = PersonalData.MAX_SAFETY_NOTES;
    public static final int MAX_WISHES = PersonalData.MAX_WISHES;
    public static final int MAX_LANGUAGES = Limits.MAX_LANGUAGES;


    private final Clock clock;

    public ReferralRequestValidator(Clock clock) {
        this.clock = clock;
    }

    public List<FieldError> validate(NewReferral r) {
        Errors errors = new Errors();
        if (r == null) {
            errors.add("body", "a JSON object is required");
            return errors.list;
        }
        validateWoman(r.woman(), errors);
        validateSafety(r.safety(), errors);
        if (r.municipalityCode() == null) {
            errors.add("municipalityCode", "is required");
        } else if (!Municipalities.isValid(r.municipalityCode())) {
            errors.add("municipalityCode", "must be the 4-digit code of a Danish municipality");
        }
        LocalDate today = LocalDate.now(clock.withZone(DanishTime.ZONE));
        if (r.expectedMoveOutDate() == null) {
            errors.add("expectedMoveOutDate", "is required");
        } else if (r.expectedMoveOutDate().isAfter(today.plusYears(1)) || r.expectedMoveOutDate().isBefore(today.minusYears(1))) {
            errors.add("expectedMoveOutDate", "must be within a year of today");
        }
        validateChildren(r.children(), today.getYear(), errors);
        validateMatching(r.matching(), errors);
        validateConsent(r.consent(), errors);
        return errors.list;
    }

    private void validateWoman(NewReferral.Woman w, Errors errors) {
        if (w == null) {
            errors.add("woman", "is required");
            return;
        }
        errors.text("woman.firstName", w.firstName(), MAX_NAME, true);
        errors.text("woman.lastName", w.lastName(), MAX_NAME, true);
        if (w.phone() == null) {
            errors.add("woman.phone", "is required");
        } else if (!FieldRules.isDanishPhone(w.phone())) {
            errors.add("woman.phone", "must be a Danish number: +45 and 8 digits");
        }
        if (w.email() != null && !FieldRules.isEmail(w.email())) {
            errors.add("woman.email", "must be an e-mail address");
        }
        if (w.preferredContact() == null) {
            errors.add("woman.preferredContact", "is required");
        } else if (w.preferredContact() == PreferredContact.EMAIL && w.email() == null) {
            errors.add("woman.preferredContact", "EMAIL needs an e-mail address");
        }
        errors.text("woman.contactTimes", w.contactTimes(), MAX_CONTACT_TIMES, false);
    }

    private void validateSafety(NewReferral.Safety s, Errors errors) {
        if (s == null) {
            errors.add("safety", "is required");
            return;
        }
        if (s.safeToLeaveMessage() == null) {
            errors.add("safety.safeToLeaveMessage", "is required");
        }
        if (s.protectedAddress() == null) {
            errors.add("safety.protectedAddress", "is required");
        }
        errors.text("safety.safetyNotes", s.safetyNotes(), MAX_SAFETY_NOTES, false);
    }

    private void validateChildren(List<NewReferral.NewChild> children, int thisYear, Errors errors) {
        if (children == null) {
            return;
        }
        if (children.size() > MAX_CHILDREN) {
            errors.add("children", "at most " + MAX_CHILDREN + " children");
            return;
        }
        for (int i = 0; i < children.size(); i++) {
            NewReferral.NewChild child = children.get(i);
            String field = "children[" + i + "].birthYear";
            if (child == null || child.birthYear() == null) {
                errors.add(field, "is required");
            } else if (child.birthYear() > thisYear || child.birthYear() < thisYear - MAX_CHILD_AGE) {
                errors.add(field, "must be between " + (thisYear - MAX_CHILD_AGE) + " and " + thisYear);
            }
        }
    }

    private void validateMatching(NewReferral.Matching m, Errors errors) {
        if (m == null) {
            errors.add("matching", "is required");
            return;
        }
        if (m.languages() == null || m.languages().isEmpty()) {
            errors.add("matching.languages", "at least one language is required");
        } else if (m.languages().size() > MAX_LANGUAGES) {
            errors.add("matching.languages", "at most " + MAX_LANGUAGES + " languages");
        } else {
            for (int i = 0; i < m.languages().size(); i++) {
                String lang = m.languages().get(i);
                if (!FieldRules.isLanguage(lang)) {
                    errors.add("matching.languages[" + i + "]", "must be an ISO 639-1 code in lower case, such as da");
                }
            }
        }
        errors.codes("matching.needs", m.needs());
        errors.codes("matching.availability", m.availability());
        if (m.availability() != null && new HashSet<>(m.availability()).size() != m.availability().size()) {
            errors.add("matching.availability", "must not repeat a slot");
        }
        if (m.preferences() != null) {
            errors.codes("matching.preferences.interests", m.preferences().interests());
            errors.text("matching.preferences.wishes", m.preferences().wishes(), MAX_WISHES, false);
        }
    }

    private void validateConsent(NewReferral.Consent consent, Errors errors) {
        if (consent == null) {
            errors.add("consent", "is required");
            return;
        }
        if (consent.scopes() == null || !consent.scopes().contains(ConsentScope.QNET_CONTACT)) {
            errors.add("consent.scopes", "must include QNET_CONTACT");
        } else {
            errors.codes("consent.scopes", consent.scopes());
        }
        if (consent.givenAt() == null) {
            errors.add("consent.givenAt", "is required");
        } else if (consent.givenAt().isAfter(Instant.now(clock).plusSeconds(300))) {
            errors.add("consent.givenAt", "must not be in the future");
        }
        if (consent.method() == null) {
            errors.add("consent.method", "is required");
        }
    }

    private static final class Errors {
        final List<FieldError> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(new FieldError(field, message));
        }

        void text(String field, String value, int max, boolean required) {
            if (value == null || (required && value.isBlank())) {
                if (required) {
                    add(field, "is required");
                }
            } else if (value.length() > max) {
                add(field, "at most " + max + " characters");
            } else if (FieldRules.hasControlCharacters(value)) {
                add(field, "must not contain control characters");
            }
        }

        /** A list of codes: no null, and at most Limits.MAX_CODES of them. */
        void codes(String field, List<?> values) {
            if (values != null && values.size() > Limits.MAX_CODES) {
                add(field, "at most " + Limits.MAX_CODES + " codes");
            } else if (values != null && values.contains(null)) {
                add(field, "must not contain null");
            }
        }
    }
}
