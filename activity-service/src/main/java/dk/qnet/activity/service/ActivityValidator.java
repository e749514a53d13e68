package dk.qnet.activity.service;

import dk.qnet.activity.Registration;
import dk.qnet.activity.service.ActivityRequest;
import dk.qnet.activity.service.AttendanceRequest;
import dk.qnet.activity.service.RegistrationRequest;
import dk.qnet.contracts.Limits;
import dk.qnet.platform.problem.FieldError;
import dk.qnet.platform.validation.FieldRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Field-by-field checks of activity requests; one error per invalid field, values never echoed. */
public final class ActivityValidator {

    public static final int MAX_TITLE = 120;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_VENUE = 200;
    public static final int MAX_CAPACITY = 1000;
    public static final int MAX_HEADS = 100;
    public static final int MAX_CHILDREN = 10;

    private ActivityValidator() {
    }

    public static List<FieldError> activity(ActivityRequest r, Instant now) {
        List<FieldError> e = new ArrayList<>();
        if (r == null) {
            e.add(new FieldError("body", "a JSON object is required"));
            return e;
        }
        text(e, "title", r.title(), MAX_TITLE, true);
        text(e, "description", r.description(), MAX_DESCRIPTION, false);
        text(e, "venue", r.venue(), MAX_VENUE, true);
        if (r.type() == null) {
            e.add(new FieldError("type", "is required"));
        }
        if (r.venueKind() == null) {
            e.add(new FieldError("venueKind", "is required: PUBLIC_PLACE or NETWORK_PREMISES, never a participant's home"));
        }
        if (r.audience() == null || r.audience().isEmpty() || r.audience().contains(null) || r.audience().size() > Limits.MAX_CODES) {
            e.add(new FieldError("audience", "at least one of WOMEN, CHILDREN, VOLUNTEERS"));
        }
        if (r.capacity() == null || r.capacity() <= 0 || r.capacity() > MAX_CAPACITY) {
            e.add(new FieldError("capacity", "must be from 1 to " + MAX_CAPACITY));
        }
        if (r.startsAt() == null) {
            e.add(new FieldError("startsAt", "is required"));
        } else if (r.startsAt().isBefore(now.minus(Duration.ofDays(366))) || r.startsAt().isAfter(now.plus(Duration.ofDays(731)))) {
            e.add(new FieldError("startsAt", "must be within a year back and two years ahead"));
        }
        if (r.endsAt() == null) {
            e.add(new FieldError("endsAt", "is required"));
        } else if (r.startsAt() != null && !r.endsAt().isAfter(r.startsAt())) {
            e.add(new FieldError("endsAt", "must be after startsAt"));
        } else if (r.startsAt() != null && r.endsAt().isAfter(r.startsAt().plus(Duration.ofDays(7)))) {
            e.add(new FieldError("endsAt", "an activity lasts at most a week"));
        }
        if (r.signupDeadline() != null && r.startsAt() != null && r.signupDeadline().isAfter(r.startsAt())) {
            e.add(new FieldError("signupDeadline", "must not be after startsAt"));
        }
        return e;
    }

    public static List<FieldError> registration(RegistrationRequest r) {
        List<FieldError> e = new ArrayList<>();
        if (r == null || r.kind() == null) {
            e.add(new FieldError("kind", "is required: WOMAN, VOLUNTEER or ANONYMOUS"));
            return e;
        }
        switch (r.kind()) {
            case WOMAN -> {
                if (r.referralId() == null) {
                    e.add(new FieldError("referralId", "is required for a woman"));
                }
                count(e, "children", r.children(), 0, MAX_CHILDREN, false);
                absent(e, "volunteerId", r.volunteerId());
                absent(e, "women", r.women());
                absent(e, "volunteers", r.volunteers());
            }
            case VOLUNTEER -> {
                if (r.volunteerId() == null) {
                    e.add(new FieldError("volunteerId", "is required for a volunteer"));
                }
                absent(e, "referralId", r.referralId());
                absent(e, "women", r.women());
                absent(e, "children", r.children());
                absent(e, "volunteers", r.volunteers());
            }
            case ANONYMOUS -> {
                absent(e, "referralId", r.referralId());
                absent(e, "volunteerId", r.volunteerId());
                count(e, "women", r.women(), 0, MAX_HEADS, false);
                count(e, "children", r.children(), 0, MAX_HEADS, false);
                count(e, "volunteers", r.volunteers(), 0, MAX_HEADS, false);
                if (e.isEmpty() && zeroIfNull(r.women()) + zeroIfNull(r.children()) + zeroIfNull(r.volunteers()) == 0) {
                    e.add(new FieldError("women", "a head count needs at least one person"));
                }
            }
        }
        return e;
    }

    public static List<FieldError> attendance(AttendanceRequest r) {
        List<FieldError> e = new ArrayList<>();
        if (r == null) {
            e.add(new FieldError("body", "a JSON object is required"));
            return e;
        }
        count(e, "women", r.women(), 0, MAX_CAPACITY, true);
        count(e, "children", r.children(), 0, MAX_CAPACITY, true);
        count(e, "volunteers", r.volunteers(), 0, MAX_CAPACITY, true);
        if (r.attendedRegistrationIds() != null && (r.attendedRegistrationIds().size() > MAX_CAPACITY
                || r.attendedRegistrationIds().contains(null))) {
            e.add(new FieldError("attendedRegistrationIds", "at most " + MAX_CAPACITY + " ids, none null"));
        }
        return e;
    }

    public static int zeroIfNull(Integer n) {
        return n == null ? 0 : n;
    }

    static int headsOf(RegistrationRequest r, Registration.Kind kind) {
        return switch (kind) {
            case WOMAN -> 1 + zeroIfNull(r.children());
            case VOLUNTEER -> 1;
            case ANONYMOUS -> zeroIfNull(r.women()) + zeroIfNull(r.children()) + zeroIfNull(r.volunteers());
        };
    }

    private static void text(List<FieldError> e, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                e.add(new FieldError(field, "is required"));
            }
        } else if (value.length() > max) {
            e.add(new FieldError(field, "at most " + max + " characters"));
        } else if (FieldRules.hasControlCharacters(value)) {
            e.add(new FieldError(field, "must not contain control characters"));
        }
    }

    private static void count(List<FieldError> e, String field, Integer value, int min, int max, boolean required) {
        if (value == null) {
            if (required) {
                e.add(new FieldError(field, "is required"));
            }
        } else if (value < min || value > max) {
            e.add(new FieldError(field, "must be from " + min + " to " + max));
        }
    }

    private static void absent(List<FieldError> e, String field, Object value) {
        if (value != null) {
            e.add(new FieldError(field, "does not belong to this kind of registration"));
        }
    }
}
