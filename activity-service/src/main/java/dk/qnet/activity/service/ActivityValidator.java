package dk.qnet.activity.service;

import dk.qnet.activity.Registration;
import dk.qnet.platform.problem.FieldErrors;
import dk.qnet.platform.problem.RequestRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks activity requests: the annotations of the request records through Bean Validation, then
 * the rules that depend on the time or on another field. One error per invalid field, values
 * never echoed; a 400 names them all.
 */
@ApplicationScoped
public class ActivityValidator {

    public static final int MAX_TITLE = 120;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_VENUE = 200;
    public static final int MAX_CAPACITY = 1000;
    public static final int MAX_HEADS = 100;
    public static final int MAX_CHILDREN = 10;
    /** An activity is planned at most a year back and two years ahead, and lasts at most a week. */
    static final Duration MAX_BACK = Duration.ofDays(366);
    static final Duration MAX_AHEAD = Duration.ofDays(731);
    static final Duration MAX_LENGTH = Duration.ofDays(7);

    private final RequestRules rules;

    public ActivityValidator(RequestRules rules) {
        this.rules = rules;
    }

    public void activity(ActivityRequest r, Instant now) {
        FieldErrors e = rules.check(r);
        if (r != null) {
            if (r.startsAt() != null && (r.startsAt().isBefore(now.minus(MAX_BACK)) || r.startsAt().isAfter(now.plus(MAX_AHEAD)))) {
                e.add("startsAt", "must be within a year back and two years ahead");
            }
            if (r.startsAt() != null && r.endsAt() != null && !r.endsAt().isAfter(r.startsAt())) {
                e.add("endsAt", "must be after startsAt");
            } else if (r.startsAt() != null && r.endsAt() != null && r.endsAt().isAfter(r.startsAt().plus(MAX_LENGTH))) {
                e.add("endsAt", "an activity lasts at most a week");
            }
            if (r.signupDeadline() != null && r.startsAt() != null && r.signupDeadline().isAfter(r.startsAt())) {
                e.add("signupDeadline", "must not be after startsAt");
            }
        }
        e.throwIfAny("The activity");
    }

    public void registration(RegistrationRequest r) {
        FieldErrors e = rules.check(r);
        if (r != null && r.kind() != null) {
            switch (r.kind()) {
                case WOMAN -> {
                    if (r.referralId() == null) {
                        e.add("referralId", "is required for a woman");
                    }
                    if (r.children() != null && r.children() > MAX_CHILDREN) {
                        e.add("children", "must be from 0 to " + MAX_CHILDREN);
                    }
                    absent(e, "volunteerId", r.volunteerId());
                    absent(e, "women", r.women());
                    absent(e, "volunteers", r.volunteers());
                }
                case VOLUNTEER -> {
                    if (r.volunteerId() == null) {
                        e.add("volunteerId", "is required for a volunteer");
                    }
                    absent(e, "referralId", r.referralId());
                    absent(e, "women", r.women());
                    absent(e, "children", r.children());
                    absent(e, "volunteers", r.volunteers());
                }
                case ANONYMOUS -> {
                    absent(e, "referralId", r.referralId());
                    absent(e, "volunteerId", r.volunteerId());
                    if (e.isEmpty() && zeroIfNull(r.women()) + zeroIfNull(r.children()) + zeroIfNull(r.volunteers()) == 0) {
                        e.add("women", "a head count needs at least one person");
                    }
                }
            }
        }
        e.throwIfAny("The registration");
    }

    public void attendance(AttendanceRequest r) {
        rules.check(r).throwIfAny("The attendance");
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

    private static void absent(FieldErrors e, String field, Object value) {
        if (value != null) {
            e.add(field, "does not belong to this kind of registration");
        }
    }
}
