package dk.qnet.matching.match;

import dk.qnet.contracts.match.OutcomeRatings;
import dk.qnet.contracts.match.OutcomeRecorded;
import dk.qnet.contracts.match.OutcomeTimepoint;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.outbox.Outbox;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.problem.RequestRules;
import dk.qnet.platform.time.SuiteClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The woman's own ratings, recorded by the coordinator at the start of the match, after three
 * months and at the end: six wellbeing dimensions (0-4) and safety feeling (1-7). Only when her
 * consent covers STATISTICS; each timepoint once. Published as {@code OutcomeRecorded}.
 */
@ApplicationScoped
public class OutcomeService {

    /** The request: a timepoint and seven numbers, nothing else. */
    public record OutcomeRequest(@NotNull(message = "is required: START, THREE_MONTHS or END") OutcomeTimepoint timepoint,
                                 @NotNull @Min(OutcomeRatings.DIMENSION_MIN) @Max(OutcomeRatings.DIMENSION_MAX) Integer network,
                                 @NotNull @Min(OutcomeRatings.DIMENSION_MIN) @Max(OutcomeRatings.DIMENSION_MAX) Integer community,
                                 @NotNull @Min(OutcomeRatings.DIMENSION_MIN) @Max(OutcomeRatings.DIMENSION_MAX) Integer health,
                                 @NotNull @Min(OutcomeRatings.DIMENSION_MIN) @Max(OutcomeRatings.DIMENSION_MAX) Integer economy,
                                 @NotNull @Min(OutcomeRatings.DIMENSION_MIN) @Max(OutcomeRatings.DIMENSION_MAX) Integer housing,
                                 @NotNull @Min(OutcomeRatings.DIMENSION_MIN) @Max(OutcomeRatings.DIMENSION_MAX) Integer jobEducation,
                                 @NotNull @Min(OutcomeRatings.SAFETY_MIN) @Max(OutcomeRatings.SAFETY_MAX) Integer safety) {
    }

    /** One rating per timepoint (the table's key is the match and the timepoint). */
    static final int TIMEPOINTS = 3;

    public record OutcomeView(OutcomeTimepoint timepoint, OutcomeRatings ratings, Instant recordedAt) {
    }

    private final OutcomeRepository outcomes;
    private final RequestRules rules;
    private final Outbox outbox;
    private final MatchService matches;
    private final SuiteClock clock;

    public OutcomeService(OutcomeRepository outcomes, RequestRules rules, Outbox outbox, MatchService matches, SuiteClock clock) {
        this.outcomes = outcomes;
        this.rules = rules;
        this.outbox = outbox;
        this.matches = matches;
        this.clock = clock;
    }

    @Transactional
    public OutcomeView record(UUID matchId, OutcomeRequest request, CallerIdentity caller) {
        Match m = matches.locked(matchId, caller);
        OutcomeRatings ratings = validate(request);
        if (!m.statisticsConsent()) {
            throw ProblemException.conflict("Her consent does not cover STATISTICS, so her ratings are not recorded.");
        }
        if (!m.takesRatingsAt(request.timepoint())) {
            throw ProblemException.conflict("Ratings for " + request.timepoint() + " cannot be recorded while the match is " + m.status() + ".");
        }
        Instant now = clock.now();
        if (!outcomes.add(matchId, request.timepoint(), ratings, now)) {
            throw ProblemException.conflict("Ratings for " + request.timepoint() + " are already recorded for this match.");
        }
        outbox.append(m.referralId().toString(), new OutcomeRecorded(matchId, m.referralId(), m.networkId(),
                request.timepoint(), ratings, now));
        return new OutcomeView(request.timepoint(), ratings, now);
    }

    @Transactional
    public List<OutcomeView> list(UUID matchId, CallerIdentity caller) {
        matches.locked(matchId, caller);
        return outcomes.of(matchId);
    }

    private OutcomeRatings validate(OutcomeRequest r) {
        rules.check(r).throwIfAny("The ratings");
        return new OutcomeRatings(r.network(), r.community(), r.health(), r.economy(), r.housing(), r.jobEducation(), r.safety());
    }
}
