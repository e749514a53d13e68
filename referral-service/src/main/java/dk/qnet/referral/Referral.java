package dk.qnet.referral;

import dk.qnet.contracts.referral.ConsentScope;
import dk.qnet.contracts.referral.SenderType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A referral of one woman (and her children) to Qnet: the aggregate of this service. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public ReferralStatus status;

    @Column(name = "municipality_code")
    public String municipalityCode;

    /** The network that covers the municipality; null while unrouted. */
    @Column(name = "network_id")
    public String networkId;

    public boolean unrouted;

    @Enumerated(EnumType.STRING)
    @Column(name = "sender_type")
    public SenderType senderType;

    /** The sending organisation, from the sender's token: org_id, or the municipality code. */
    @Column(name = "sender_org_id")
    public String senderOrgId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "children_birth_years")
    public List<Integer> childrenBirthYears;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "consent_scopes")
    public List<ConsentScope> consentScopes;

    @Column(name = "consent_given_at")
    public Instant consentGivenAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "consent_method")
    public ConsentMethod consentMethod;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
