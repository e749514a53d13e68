package dk.qnet.referral;

import dk.qnet.contracts.referral.ConsentScope;
import dk.qnet.contracts.referral.MatchingProfile;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A referral of one woman (and her children) to Qnet: the aggregate of this service. Nothing in
 * these columns identifies her; her personal data is sealed in {@code referral_secret}.
 */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public ReferralStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_reason")
    public StatusReason statusReason;

    @Column(name = "municipality_code")
    public String municipalityCode;

    /** The network that covers the municipality; null while unrouted. */
    @Column(name = "network_id")
    public String networkId;

    public boolean unrouted;

    @Enumerated(EnumType.STRING)
    @Column(name = "sender_type")
    public SenderType senderType;

    /** The sending organisation, from the sender's token: org_id, or the municipality. */
    @Column(name = "sender_org_id")
    public String senderOrgId;

    @Column(name = "expected_move_out")
    public LocalDate expectedMoveOut;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Child> children;

    @JdbcTypeCode(SqlTypes.JSON)
    public MatchingProfile matching;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "consent_scopes")
    public List<ConsentScope> consentScopes;

    @Column(name = "consent_given_at")
    public Instant consentGivenAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "consent_method")
    public ConsentMethod consentMethod;

    /** The token subject of the person who recorded the consent. */
    @Column(name = "consent_recorded_by")
    public String consentRecordedBy;

    /** Derived from the consent scopes; the adviser's lists filter on it. */
    @Column(name = "shared_with_municipality")
    public boolean sharedWithMunicipality;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When the referral reached a final status; the retention clock starts here. */
    @Column(name = "final_at")
    public Instant finalAt;

    /** When its personal data was erased; null while it exists. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    @Version
    public long version;

    public boolean hasConsent(ConsentScope scope) {
        return consentScopes != null && consentScopes.contains(scope);
    }

    public void setConsentScopes(List<ConsentScope> scopes) {
        consentScopes = List.copyOf(scopes);
        sharedWithMunicipality = consentScopes.contains(ConsentScope.SHARE_WITH_MUNICIPALITY);
    }

    /** After erasure only what statistics already has in coarse form stays (see {@code ReferralService.erase}). */
    public void scrubAfterErasure() {
        children = null;
        matching = null;
        expectedMoveOut = null;
        setConsentScopes(List.of());
        consentGivenAt = null;
        consentMethod = null;
        consentRecordedBy = null;
    }

    public List<Integer> childrenBirthYears() {
        return children == null ? List.of() : children.stream().map(Child::birthYear).toList();
    }
}
