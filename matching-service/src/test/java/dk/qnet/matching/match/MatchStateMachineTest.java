package dk.qnet.matching.match;

import static dk.qnet.matching.match.MatchStatus.ACCEPTED;
import static dk.qnet.matching.match.MatchStatus.ACTIVE;
import static dk.qnet.matching.match.MatchStatus.DECLINED;
import static dk.qnet.matching.match.MatchStatus.ENDED;
import static dk.qnet.matching.match.MatchStatus.OFFERED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.qnet.contracts.match.MatchEndReason;
import dk.qnet.contracts.match.OutcomeTimepoint;
import dk.qnet.matching.engine.Explanation;
import dk.qnet.platform.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The match lifecycle and the Match aggregate as plain Java: no database, no Quarkus. */
class MatchStateMachineTest {

    static final Instant OFFERED_AT = Instant.parse("2026-03-02T09:00:00Z");

    static Match offered() {
        return Match.offer("net-odense", UUID.randomUUID(), UUID.randomUUID(), new Explanation(42, List.of(), List.of()), true, OFFERED_AT);
    }

    static int conflict(Runnable step) {
        return assertThrows(ProblemException.class, step::run).problem().status();
    }

    @Test
    void theLifecycleOfArchitectureMdStepByStep() {
        assertEquals(EnumSet.of(ACCEPTED, DECLINED), MatchLifecycle.next(OFFERED));
        assertEquals(EnumSet.of(ACTIVE, ENDED), MatchLifecycle.next(ACCEPTED));
        assertEquals(EnumSet.of(ENDED), MatchLifecycle.next(ACTIVE));
        for (MatchStatus s : MatchStatus.values()) {
            assertEquals(s == DECLINED || s == ENDED, MatchLifecycle.isFinal(s), s.name());
            assertEquals(s == OFFERED || s == ACCEPTED || s == ACTIVE, s.open(), s.name());
            assertFalse(MatchLifecycle.allows(s, OFFERED), "nothing goes back to OFFERED from " + s);
        }
    }

    @Test
    void anOfferCarriesTheProposalsScoreAndWaitsForTheVolunteer() {
        Match m = offered();
        assertEquals(OFFERED, m.status());
        assertEquals(42, m.score());
        assertEquals(OFFERED_AT, m.offeredAt());
        assertNull(m.acceptedAt());
        assertEquals(409, conflict(() -> m.meetingHeld(LocalDate.parse("2026-03-03"), OFFERED_AT)));
        assertEquals(409, conflict(() -> m.end(MatchEndReason.COMPLETED_AS_PLANNED, OFFERED_AT)));
    }

    @Test
    void aVolunteerAnswersOnce() {
        Match accepted = offered();
        accepted.accept(OFFERED_AT.plusSeconds(60));
        assertEquals(ACCEPTED, accepted.status());
        assertEquals(409, conflict(() -> accepted.accept(OFFERED_AT)));
        assertEquals(409, conflict(() -> accepted.decline(OFFERED_AT)));

        Match declined = offered();
        declined.decline(OFFERED_AT.plusSeconds(60));
        assertEquals(DECLINED, declined.status());
        assertEquals(OFFERED_AT.plusSeconds(60), declined.endedAt());
        assertEquals(409, conflict(() -> declined.accept(OFFERED_AT)));
        assertEquals(409, conflict(() -> declined.end(MatchEndReason.NOT_A_GOOD_FIT, OFFERED_AT)));
    }

    @Test
    void theFirstMeetingStartsTheMatchAndTheLatestDateIsKept() {
        Match m = offered();
        m.accept(OFFERED_AT);
        Instant first = OFFERED_AT.plus(Duration.ofDays(3));
        assertTrue(m.meetingHeld(LocalDate.parse("2026-03-05"), first));
        assertEquals(ACTIVE, m.status());
        assertEquals(first, m.startedAt());
        assertFalse(m.meetingHeld(LocalDate.parse("2026-03-04"), first.plusSeconds(5)), "a later meeting does not start it again");
        assertEquals(LocalDate.parse("2026-03-05"), m.lastMeetingOn(), "a meeting logged late does not move the last one back");
        assertEquals(first, m.startedAt());
    }

    @Test
    void anEndBefore91DaysIsEarlyUnlessItWentAsPlanned() {
        Match early = offered();
        early.accept(OFFERED_AT);
        early.meetingHeld(LocalDate.parse("2026-03-03"), OFFERED_AT);
        Match.Ending ending = early.end(MatchEndReason.NOT_A_GOOD_FIT, OFFERED_AT.plus(Duration.ofDays(90)));
        assertEquals(new Match.Ending(90, true), ending);
        assertEquals(ENDED, early.status());
        assertEquals(MatchEndReason.NOT_A_GOOD_FIT, early.endReason());
        assertEquals(409, conflict(() -> early.end(MatchEndReason.OTHER, OFFERED_AT)));

        Match planned = offered();
        planned.accept(OFFERED_AT);
        assertEquals(new Match.Ending(10, false), planned.end(MatchEndReason.COMPLETED_AS_PLANNED, OFFERED_AT.plus(Duration.ofDays(10))));

        Match late = offered();
        late.accept(OFFERED_AT);
        assertEquals(new Match.Ending(91, false), late.end(MatchEndReason.OTHER, OFFERED_AT.plus(Duration.ofDays(91))),
                "without a meeting it counts from the acceptance");
    }

    @Test
    void ratingsBelongToTheirTimepoint() {
        Match m = offered();
        for (OutcomeTimepoint t : OutcomeTimepoint.values()) {
            assertFalse(m.takesRatingsAt(t), "offered: " + t);
        }
        m.accept(OFFERED_AT);
        assertTrue(m.takesRatingsAt(OutcomeTimepoint.START));
        assertFalse(m.takesRatingsAt(OutcomeTimepoint.THREE_MONTHS));
        m.meetingHeld(LocalDate.parse("2026-03-03"), OFFERED_AT);
        assertTrue(m.takesRatingsAt(OutcomeTimepoint.THREE_MONTHS));
        assertFalse(m.takesRatingsAt(OutcomeTimepoint.END));
        m.end(MatchEndReason.COMPLETED_AS_PLANNED, OFFERED_AT.plus(Duration.ofDays(200)));
        assertFalse(m.takesRatingsAt(OutcomeTimepoint.START));
        assertTrue(m.takesRatingsAt(OutcomeTimepoint.THREE_MONTHS));
        assertTrue(m.takesRatingsAt(OutcomeTimepoint.END));
    }
}
