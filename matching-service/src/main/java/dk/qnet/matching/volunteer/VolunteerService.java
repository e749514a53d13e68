package dk.qnet.matching.volunteer;

import dk.qnet.contracts.volunteer.VolunteerStatusChanged;
import dk.qnet.matching.MatchingDue;
import dk.qnet.matching.engine.VolunteerProfile.Status;
import dk.qnet.matching.network.NetworkRepository;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.outbox.Outbox;
import dk.qnet.platform.paging.Page;
import dk.qnet.platform.paging.PageRequest;
import dk.qnet.platform.problem.IfMatch;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.problem.RequestRules;
import dk.qnet.platform.time.SuiteClock;
import dk.qnet.platform.validation.FieldRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Volunteers, managed by their network's coordinator. The lifecycle of docs/ARCHITECTURE.md:
 * APPLIED → APPROVED (only with completed training) → ACTIVE ⇄ PAUSED → INACTIVE.
 */
@ApplicationScoped
public class VolunteerService {

    static final Map<Status, Set<Status>> NEXT = Map.of(
            Status.APPLIED, EnumSet.of(Status.APPROVED, Status.INACTIVE),
            Status.APPROVED, EnumSet.of(Status.ACTIVE, Status.PAUSED, Status.INACTIVE),
            Status.ACTIVE, EnumSet.of(Status.PAUSED, Status.INACTIVE),
            Status.PAUSED, EnumSet.of(Status.ACTIVE, Status.INACTIVE),
            Status.INACTIVE, EnumSet.noneOf(Status.class));

    private final VolunteerRepository volunteers;
    private final NetworkRepository networks;
    private final RequestRules rules;
    private final Outbox outbox;
    private final MatchingDue due;
    private final SuiteClock clock;

    public VolunteerService(VolunteerRepository volunteers, NetworkRepository networks, RequestRules rules, Outbox outbox, MatchingDue due,
                            SuiteClock clock) {
        this.volunteers = volunteers;
        this.networks = networks;
        this.rules = rules;
        this.outbox = outbox;
        this.due = due;
        this.clock = clock;
    }

    @Transactional
    public Volunteer create(VolunteerRequest r, CallerIdentity caller) {
        String networkId = networkFor(r == null ? null : r.networkId(), caller);
        validate(r);
        Volunteer v = new Volunteer();
        v.id = UUID.randomUUID();
        v.networkId = networkId;
        apply(v, r);
        v.status = Status.APPLIED;
        v.createdAt = clock.now();
        v.updatedAt = v.createdAt;
        volunteers.persist(v);
        outbox.append(v.id.toString(), new VolunteerStatusChanged(v.id, v.networkId, VolunteerStatusChanged.Status.valueOf(v.status.name()), null, v.createdAt));
        return v;
    }

    @Transactional
    public Volunteer update(UUID id, VolunteerRequest r, IfMatch ifMatch, CallerIdentity caller) {
        Volunteer v = forUpdate(id, ifMatch, caller);
        validate(r);
        String movedFrom = v.municipalityCode;
        apply(v, r);
        v.updatedAt = clock.now();
        due.volunteer(v.networkId, movedFrom);
        due.volunteer(v.networkId, v.municipalityCode);
        return v;
    }

    @Transactional
    public Volunteer changeStatus(UUID id, Status to, IfMatch ifMatch, CallerIdentity caller) {
        Volunteer v = forUpdate(id, ifMatch, caller);
        if (to == null) {
            throw ProblemException.invalid("status", "is required");
        }
        if (!NEXT.get(v.status).contains(to)) {
            throw ProblemException.conflict("A volunteer who is " + v.status + " cannot become " + to + ".");
        }
        if (to == Status.APPROVED && v.trainingCompletedOn == null) {
            throw ProblemException.conflict("Approval needs completed training: record trainingCompletedOn first.");
        }
        Status previous = v.status;
        v.status = to;
        v.updatedAt = clock.now();
        outbox.append(v.id.toString(), new VolunteerStatusChanged(v.id, v.networkId, VolunteerStatusChanged.Status.valueOf(to.name()),
                VolunteerStatusChanged.Status.valueOf(previous.name()), v.updatedAt));
        due.volunteer(v.networkId, v.municipalityCode);
        return v;
    }

    @Transactional
    public Volunteer get(UUID id, CallerIdentity caller) {
        return visible(id, caller);
    }

    /** A page of the volunteers the caller manages: an administrator's are every network's. */
    @Transactional
    public Page<Volunteer> page(CallerIdentity caller, PageRequest request) {
        if (caller.isAdmin()) {
            return request.answer(volunteers.page(request.offset(), request.size()), volunteers.count());
        }
        String network = caller.required(caller.networkId(), Roles.NETWORK_CLAIM);
        return request.answer(volunteers.pageIn(network, request.offset(), request.size()), volunteers.countIn(network));
    }

    @Transactional
    public List<Volunteer> list(CallerIdentity caller) {
        return caller.isAdmin() ? volunteers.all() : volunteers.allIn(caller.required(caller.networkId(), Roles.NETWORK_CLAIM));
    }

    /** The volunteer locked for a change the caller may make, still at a version the caller named (else 412). */
    private Volunteer forUpdate(UUID id, IfMatch ifMatch, CallerIdentity caller) {
        Volunteer v = volunteers.findLocked(id).filter(found -> caller.managesNetwork(found.networkId)).orElseThrow(ProblemException::notFound);
        ifMatch.check(v.version);
        return v;
    }

    private Volunteer visible(UUID id, CallerIdentity caller) {
        return volunteers.findByIdOptional(id).filter(v -> caller.managesNetwork(v.networkId)).orElseThrow(ProblemException::notFound);
    }

    private String networkFor(String requested, CallerIdentity caller) {
        String networkId = caller.isAdmin() ? requested : caller.required(caller.networkId(), Roles.NETWORK_CLAIM);
        if (networkId == null || requested != null && !requested.equals(networkId)
                || !networks.exists(networkId)) {
            throw ProblemException.invalid("networkId", caller.isAdmin() ? "must be a known network" : "must be your own network");
        }
        return networkId;
    }

    private void validate(VolunteerRequest r) {
        rules.check(r).throwIfAny("The volunteer");
    }

    private static void apply(Volunteer v, VolunteerRequest r) {
        v.firstName = r.firstName().strip();
        v.phone = FieldRules.normalisePhone(r.phone());
        v.email = r.email();
        v.municipalityCode = r.municipalityCode();
        v.languages = List.copyOf(r.languages());
        v.availability = List.copyOf(r.availability());
        v.interests = r.interests() == null ? List.of() : List.copyOf(r.interests());
        v.ageBand = r.ageBand();
        v.capacity = r.capacity() == null ? 1 : r.capacity();
        v.trainingCompletedOn = r.trainingCompletedOn();
        v.certificateValidUntil = r.certificateValidUntil();
    }
}
