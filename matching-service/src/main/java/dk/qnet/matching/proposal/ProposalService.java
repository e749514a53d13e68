package dk.qnet.matching.proposal;

import dk.qnet.matching.engine.Explanation;
import dk.qnet.matching.match.MatchService;
import dk.qnet.matching.volunteer.Volunteer;
import dk.qnet.matching.volunteer.VolunteerRepository;
import dk.qnet.matching.waiting.PoolStatus;
import dk.qnet.matching.waiting.WaitingReferral;
import dk.qnet.matching.waiting.WaitingReferralRepository;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** A coordinator approves a proposal: checked again as things stand now, it becomes an offered match. */
@ApplicationScoped
public class ProposalService {

    private final ProposalRepository proposals;
    private final WaitingReferralRepository pool;
    private final MatchingRunService runs;
    private final MatchService matches;
    private final VolunteerRepository volunteers;

    public ProposalService(ProposalRepository proposals, WaitingReferralRepository pool, MatchingRunService runs, MatchService matches,
                           VolunteerRepository volunteers) {
        this.proposals = proposals;
        this.pool = pool;
        this.runs = runs;
        this.matches = matches;
        this.volunteers = volunteers;
    }

    @Transactional
    public MatchService.MatchView approve(UUID proposalId, CallerIdentity caller) {
        Proposal proposal = proposals.findLocked(proposalId).filter(p -> caller.managesNetwork(p.networkId()))
                .orElseThrow(ProblemException::notFound);
        proposal.approve();
        WaitingReferral woman = pool.findLocked(proposal.referralId()).filter(w -> w.status == PoolStatus.READY)
                .orElseThrow(() -> ProblemException.conflict("The woman is no longer waiting for a volunteer."));
        Volunteer volunteer = volunteers.findLocked(proposal.volunteerId()).orElseThrow();
        Explanation recheck = runs.recheck(woman, volunteer);
        if (!recheck.feasible()) {
            throw ProblemException.conflict("The proposal no longer holds: " + recheck.checks().stream().filter(c -> !c.passed())
                    .map(Explanation.Check::code).toList() + ". Run matching again.");
        }
        MatchService.MatchView match = matches.offer(woman, proposal.volunteerId(), proposal.explanation());
        proposals.dropOpenFor(woman.referralId);
        return match;
    }
}
