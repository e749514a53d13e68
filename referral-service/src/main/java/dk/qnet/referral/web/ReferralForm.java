package dk.qnet.referral.web;

import dk.qnet.contracts.DanishTime;
import dk.qnet.contracts.referral.AgeBand;
import dk.qnet.contracts.referral.AvailabilitySlot;
import dk.qnet.contracts.referral.ConsentScope;
import dk.qnet.contracts.referral.DayPeriod;
import dk.qnet.contracts.referral.Interest;
import dk.qnet.contracts.referral.Need;
import dk.qnet.platform.problem.FieldError;
import dk.qnet.referral.ConsentMethod;
import dk.qnet.referral.PersonalData.PreferredContact;
import dk.qnet.referral.service.NewReferral;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The referral form's fields, read into the same {@link NewReferral} the API takes, so the page
 * and the API share one validation and one create. Only what can't be a NewReferral (a year
 * that is not a number, an unknown choice) is refused here, with the API's field names.
 */
final class ReferralForm {

    static final int CHILD_ROWS = 6;

    private final Map<String, List<String>> form;
    final List<FieldError> errors = new ArrayList<>();

    ReferralForm(Map<String, List<String>> form) {
        this.form = form;
    }

    NewReferral toRequest() {
        NewReferral.Woman woman = new NewReferral.Woman(text("woman.firstName"), text("woman.lastName"), phone(text("woman.phone")),
                text("woman.email"), choice("woman.preferredContact", PreferredContact.class), text("woman.contactTimes"));
        NewReferral.Safety safety = new NewReferral.Safety(yesNo("safety.safeToLeaveMessage"), yesNo("safety.protectedAddress"),
                text("safety.safetyNotes"));
        List<NewReferral.NewChild> children = new ArrayList<>();
        for (int i = 0; i < CHILD_ROWS; i++) {
            String year = text("children[" + i + "].birthYear");
            if (year != null) {
                try {
                    children.add(new NewReferral.NewChild(Integer.parseInt(year), null));
                } catch (NumberFormatException e) {
                    errors.add(new FieldError("children[" + i + "].birthYear", "must be a year"));
                }
            }
        }
        List<AvailabilitySlot> slots = new ArrayList<>();
        for (String slot : all("matching.availability")) {
            String[] parts = slot.split(":");
            try {
                slots.add(new AvailabilitySlot(DayOfWeek.valueOf(parts[0]), DayPeriod.valueOf(parts[1])));
            } catch (RuntimeException e) {
                errors.add(new FieldError("matching.availability", "unknown slot"));
            }
        }
        NewReferral.Preferences preferences = new NewReferral.Preferences(choice("matching.preferences.volunteerAgeBand", AgeBand.class),
                choices("matching.preferences.interests", Interest.class), text("matching.preferences.wishes"));
        NewReferral.Matching matching = new NewReferral.Matching(all("matching.languages"), choices("matching.needs", Need.class),
                slots, preferences);
        NewReferral.Consent consent = new NewReferral.Consent(choices("consent.scopes", ConsentScope.class), consentGivenAt(),
                choice("consent.method", ConsentMethod.class));
        return new NewReferral(woman, safety, text("municipalityCode"), date("expectedMoveOutDate"), children, matching, consent);
    }

    /** On the page a Danish number may be written without +45, as people do: 22 33 44 55. */
    static String phone(String written) {
        if (written == null) {
            return null;
        }
        String digits = written.replace(" ", "");
        return digits.matches("[0-9]{8}") ? "+45" + digits : written;
    }

    /**
     * The form asks for the day of consent: it is recorded as the start of that day, Danish time,
     * so it is never in the future and a resent form is the same request (same idempotency hash).
     */
    private Instant consentGivenAt() {
        LocalDate day = date("consent.givenAt");
        return day == null ? null : day.atStartOfDay(DanishTime.ZONE).toInstant();
    }

    private String text(String name) {
        List<String> v = form.get(name);
        if (v == null || v.isEmpty() || v.get(0) == null || v.get(0).isBlank()) {
            return null;
        }
        return v.get(0).strip();
    }

    private List<String> all(String name) {
        return form.getOrDefault(name, List.of()).stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    private Boolean yesNo(String name) {
        String v = text(name);
        return v == null ? null : v.equals("true") ? Boolean.TRUE : v.equals("false") ? Boolean.FALSE : invalid(name, null);
    }

    private LocalDate date(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return invalid(name, null);
        }
    }

    private <E extends Enum<E>> E choice(String name, Class<E> type) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            return invalid(name, null);
        }
    }

    private <E extends Enum<E>> List<E> choices(String name, Class<E> type) {
        List<E> list = new ArrayList<>();
        for (String v : all(name)) {
            try {
                list.add(Enum.valueOf(type, v));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(name, "unknown choice"));
            }
        }
        return list;
    }

    private <T> T invalid(String name, T value) {
        errors.add(new FieldError(name, "invalid value"));
        return value;
    }
}
