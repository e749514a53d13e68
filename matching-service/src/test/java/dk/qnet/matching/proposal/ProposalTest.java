package dk.qnet.matching.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.qnet.matching.engine.Explanation;
import dk.qnet.platform.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Proposal aggregate as plain Java. */
class ProposalTest {

    static Proposal proposed() {
        return Proposal.propose("net-odense", UUID.randomUUID(), UUID.randomUUID(), new Explanation(30, List.of(), List.of()),
                Instant.parse("2026-03-02T09:00:00Z"));
    }

    @Test
    void aProposalIsApprovedOnce() {
        Proposal p = proposed();
        assertEquals(ProposalStatus.PROPOSED, p.status());
        p.approve();
        assertEquals(ProposalStatus.APPROVED, p.status());
        ProblemException again = assertThrows(ProblemException.class, p::approve);
        assertEquals(409, again.problem().status());
        assertEquals("The proposal is APPROVED.", again.problem().detail());
    }

    @Test
    void proposedAgainItKeepsItsIdAndTakesTheNewScore() {
        Proposal p = proposed();
        UUID id = p.id();
        Explanation better = new Explanation(55, List.of(new Explanation.Component("LANGUAGE", 25, "Taler samme sprog")), List.of());
        p.rescore(better);
        assertEquals(id, p.id());
        assertEquals(55, p.score());
        assertEquals(better, p.explanation());
    }
}
