package dk.qnet.matching.proposal;

import dk.qnet.matching.engine.Explanation;
import dk.qnet.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The engine's proposal of a volunteer for a waiting woman, with its score and why. */
@Entity
@Table(name = "proposal")
public class Proposal {

    @Id
    private UUID id;

    @Column(name = "network_id")
    private String networkId;

    @Column(name = "referral_id")
    private UUID referralId;

    @Column(name = "volunteer_id")
    private UUID volunteerId;

    private int score;

    @JdbcTypeCode(SqlTypes.JSON)
    private Explanation explanation;

    @Enumerated(EnumType.STRING)
    private ProposalStatus status;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Proposal() {
    }

    static Proposal propose(String networkId, UUID referralId, UUID volunteerId, Explanation explanation, Instant now) {
        Proposal p = new Proposal();
        p.id = UUID.randomUUID();
        p.networkId = networkId;
        p.referralId = referralId;
        p.volunteerId = volunteerId;
        p.score = explanation.score();
        p.explanation = explanation;
        p.status = ProposalStatus.PROPOSED;
        p.createdAt = now;
        return p;
    }

    /** The pair was proposed again in a later run: same id, the new score and reasons. */
    void rescore(Explanation explanation) {
        this.score = explanation.score();
        this.explanation = explanation;
    }

    /** A coordinator approves it, once. */
    void approve() {
        if (status != ProposalStatus.PROPOSED) {
            throw ProblemException.conflict("The proposal is " + status + ".");
        }
        status = ProposalStatus.APPROVED;
    }

    public UUID id() {
        return id;
    }

    public String networkId() {
        return networkId;
    }

    public UUID referralId() {
        return referralId;
    }

    public UUID volunteerId() {
        return volunteerId;
    }

    public int score() {
        return score;
    }

    public Explanation explanation() {
        return explanation;
    }

    public ProposalStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
