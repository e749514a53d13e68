package dk.qnet.matching.match;

import dk.qnet.contracts.match.OutcomeRatings;
import dk.qnet.contracts.match.OutcomeRecorded;
import dk.qnet.contracts.match.OutcomeTimepoint;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.outbox.Outbox;
import dk.qnet.platform.persistence.SqlValues;
import dk.qnet.platform.problem.FieldError;
import dk.qnet.platform.problem.Problem;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.time.SuiteClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The woman's own ratings, recorded by the coordinator at the start of the match, after three
 * months and at the end: six wellbeing dimensions (0-4) and safety feeling (1-7). Only when her
 * consent covers STATISTICS; each timepoint once. Published as {@code OutcomeRecorded}.
 */
@ApplicationScoped
public class OutcomeService {

    /** The request: a timepoint and seven numbers, nothing else. */
    public record OutcomeRequest(OutcomeTimepoint timepoint,
                                 @Min(OutcomeRatings.DIMENSION_MIN) @Max(OutcomeRatings.DIMENSION_MAX) Integer network,
                                 @Min(OutcomeRatings.DIMENSION_MIN) @Max(OutcomeRatings.DIMENSION_MAX) Integer community,
                                 @Min(OutcomeRatings.DIMENSION_MIN) @Max(OutcomeRatings.DIMENSION_MAX) Integer health,
                                 @Min(OutcomeRatings.DIMENSION_MIN) @Max(OutcomeRatings.DIMENSION_MAX) Integer economy,
                                 @Min(OutcomeRatings.DIMENSION_MIN) @Max(OutcomeRatings.DIMENSION_MAX) Integer housing,
                                 @Min(OutcomeRatings.DIMENSION_MIN) @Max(OutcomeRatings.DIMENSION_MAX) Integer jobEducation,
                                 @Min(OutcomeRatings.SAFETY_MIN) @Max(OutcomeRatings.SAFETY_MAX) Integer safety) {
    }

    /** One rating per timepoint (the table's key is the match and the timepoint). */
    static final int TIMEPOINTS = 3;

    public record OutcomeView(OutcomeTimepoint timepoint, OutcomeRatings ratings, Instant recordedAt) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final MatchService matches;
    private final SuiteClock clock;

    public OutcomeService(EntityManager em, Outbox outbox, MatchService matches, SuiteClock clock) {
        this.em = em;
        this.outbox = outbox;
        this.matches = matches;
        this.clock = clock;
    }

    @Transactional
    public OutcomeView record(UUID matchId, OutcomeRequest request, CallerIdentity caller) {
        Map<String, Object> m = matches.locked(matchId, caller);
        OutcomeRatings ratings = validate(request);
        if (!Boolean.TRUE.equals(m.get("statistics_consent"))) {
            throw ProblemException.conflict("Her consent does not cover STATISTICS, so her ratings are not recorded.");
        }
        String status = (String) m.get("status");
        boolean allowed = switch (request.timepoint()) {
            case START -> status.equals("ACCEPTED") || status.equals("ACTIVE");
            case THREE_MONTHS -> m.get("started_at") != null && (status.equals("ACTIVE") || status.equals("ENDED"));
            case END -> status.equals("ENDED") && m.get("accepted_at") != null;
        };
        if (!allowed) {
            throw ProblemException.conflict("Ratings for " + request.timepoint() + " cannot be recorded while the match is " + status + ".");
        }
        Instant now = clock.now();
        int inserted = em.createNativeQuery("""
                insert into outcome (match_id, timepoint, network, community, health, economy, housing, job_education, safety, recorded_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) on conflict do nothing
                """).setParameter(1, matchId).setParameter(2, request.timepoint().name()).setParameter(3, ratings.network())
                .setParameter(4, ratings.community()).setParameter(5, ratings.health()).setParameter(6, ratings.economy())
                .setParameter(7, ratings.housing()).setParameter(8, ratings.jobEducation()).setParameter(9, ratings.safety())
                .setParameter(10, now).executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("Ratings for " + request.timepoint() + " are already recorded for this match.");
        }
        UUID referralId = (UUID) m.get("referral_id");
        outbox.append(referralId.toString(), new OutcomeRecorded(matchId, referralId, (String) m.get("network_id"),
                request.timepoint(), ratings, now));
        return new OutcomeView(request.timepoint(), ratings, now);
    }

    @Transactional
    public List<OutcomeView> list(UUID matchId, CallerIdentity caller) {
        matches.locked(matchId, caller);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select timepoint, network, community, health, economy, housing, job_education, safety, recorded_at
                from outcome where match_id = ?1 order by recorded_at
                """).setParameter(1, matchId).getResultList();
        return rows.stream().map(r -> new OutcomeView(OutcomeTimepoint.valueOf((String) r[0]),
                new OutcomeRatings(n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]), n(r[7])), SqlValues.instant(r[8]))).toList();
    }

    private static int n(Object value) {
        return ((Number) value).intValue();
    }

    static OutcomeRatings validate(OutcomeRequest r) {
        if (r == null) {
            throw ProblemException.invalid("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (r.timepoint() == null) {
            errors.add(new FieldError("timepoint", "is required: START, THREE_MONTHS or END"));
        }
        dimension(errors, "network", r.network());
        dimension(errors, "community", r.community());
        dimension(errors, "health", r.health());
        dimension(errors, "economy", r.economy());
        dimension(errors, "housing", r.housing());
        dimension(errors, "jobEducation", r.jobEducation());
        if (r.safety() == null || r.safety() < OutcomeRatings.SAFETY_MIN || r.safety() > OutcomeRatings.SAFETY_MAX) {
            errors.add(new FieldError("safety", "is required, from 1 to 7"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("The ratings have " + errors.size() + " invalid field(s).", errors));
        }
        return new OutcomeRatings(r.network(), r.community(), r.health(), r.economy(), r.housing(), r.jobEducation(), r.safety());
    }

    private static void dimension(List<FieldError> errors, String field, Integer value) {
        if (value == null || value < OutcomeRatings.DIMENSION_MIN || value > OutcomeRatings.DIMENSION_MAX) {
            errors.add(new FieldError(field, "is required, from 0 to 4"));
        }
    }
}
