package dk.qnet.referral.aftercare;

import dk.qnet.contracts.aftercare.DropReason;
import dk.qnet.contracts.aftercare.ExtensionReason;
import dk.qnet.contracts.aftercare.GoalDomain;
import dk.qnet.contracts.aftercare.GoalOwner;
import dk.qnet.contracts.aftercare.GoalStatus;
import dk.qnet.contracts.referral.ConsentScope;
import dk.qnet.contracts.referral.Need;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.problem.IfMatch;
import dk.qnet.platform.time.SuiteClock;
import dk.qnet.referral.ConsentMethod;
import dk.qnet.referral.PersonalData;
import dk.qnet.referral.network.NetworkRouting;
import dk.qnet.referral.service.NewReferral;
import dk.qnet.referral.service.ReferralRepository;
import dk.qnet.referral.service.ReferralService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Demo data for {@code ./qnet up} (QNET_DEMO_AFTERCARE, never set in production): on an installation
 * with no aftercare yet, six made-up women of Odense (0461), referred by shelter-odense with consent
 * to share with the municipality, at different points of their §109 window, so a newcomer logging
 * in as adviser-odense sees the workspace alive. They are made through the same services as the
 * API (sealed, audited, published), then their received and move-out days set back in time. Their
 * names say "Demo".
 */
@ApplicationScoped
public class AftercareDemo {

    private static final Logger LOG = Logger.getLogger(AftercareDemo.class);
    private static final String MUNICIPALITY = "0461";
    /** How many minutes to wait for the network routes before seeding unrouted. */
    private static final int PATIENCE = 3;

    private final boolean enabled;
    private final ReferralService referrals;
    private final ReferralRepository store;
    private final AftercareService aftercare;
    private final AftercareWatch watch;
    private final NetworkRouting routing;
    private final AftercareRepository aftercareStore;
    private final SuiteClock clock;
    private final AtomicInteger ticks = new AtomicInteger();
    private volatile boolean done;

    public AftercareDemo(@ConfigProperty(name = "qnet.demo.aftercare", defaultValue = "false") boolean enabled, ReferralService referrals,
                         ReferralRepository store, AftercareService aftercare, AftercareWatch watch, NetworkRouting routing,
                         AftercareRepository aftercareStore, SuiteClock clock) {
        this.enabled = enabled;
        this.referrals = referrals;
        this.store = store;
        this.aftercare = aftercare;
        this.watch = watch;
        this.routing = routing;
        this.aftercareStore = aftercareStore;
        this.clock = clock;
    }

    @Scheduled(every = "20s", delayed = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void seedOnce() {
        if (enabled && !done) {
            tick();
        }
    }

    private enum Readiness { SEEDED_BEFORE, ROUTED, NOT_YET_ROUTED }

    /**
     * One look: an installation with aftercare already is left alone; else the women are made once
     * Odense's network is known (so they are routed), or after a few minutes without it.
     */
    void tick() {
        Readiness readiness = QuarkusTransaction.requiringNew().call(() -> !aftercareStore.isEmpty() ? Readiness.SEEDED_BEFORE
                : routing.networkFor(MUNICIPALITY).isPresent() ? Readiness.ROUTED : Readiness.NOT_YET_ROUTED);
        if (readiness == Readiness.SEEDED_BEFORE) {
            done = true;
        } else if (readiness == Readiness.ROUTED || ticks.incrementAndGet() > PATIENCE * 3) {
            seed();
            done = true;
        }
    }

    /** One made-up woman: days since the referral, since her move-out (null: not yet), and what her plan holds. */
    private record Woman(int number, int receivedDaysAgo, Integer movedOutDaysAgo, Integer expectedInDays, boolean handover,
                         boolean caseworker, ExtensionReason extension) {
    }

    void seed() {
        LocalDate today = clock.today();
        List<Woman> women = List.of(
                new Woman(1, 190, 172, null, false, true, null),      // 14-day warning, no handover
                new Woman(2, 180, 160, null, true, true, null),       // 30-day warning
                new Woman(3, 60, 40, null, true, true, null),         // early in the window
                new Woman(4, 5, null, 10, true, false, null),         // moves out in 10 days, handover planned
                new Woman(5, 240, 215, null, true, true, ExtensionReason.HOUSING_NOT_SETTLED), // extended to 9 months
                new Woman(6, 230, 200, null, true, true, null));      // ended with goals open
        CallerIdentity shelter = CallerIdentity.of(Roles.SHELTER, Map.of("sub", "demo-shelter-odense", Roles.ORG_ID_CLAIM, "shelter-odense"));
        CallerIdentity adviser = CallerIdentity.of(Roles.ADVISER, Map.of("sub", "demo-adviser-odense", Roles.MUNICIPALITY_CLAIM, MUNICIPALITY));
        for (Woman w : women) {
            UUID id = referrals.create(request(w, today), null, shelter).referral().id;
            QuarkusTransaction.requiringNew().run(() -> store.findLocked(id).ifPresent(r -> {
                r.receivedAt = r.receivedAt.minus(w.receivedDaysAgo(), ChronoUnit.DAYS);
                if (w.movedOutDaysAgo() != null) {
                    r.expectedMoveOut = today.minusDays(w.movedOutDaysAgo());
                }
            }));
            if (w.handover()) {
                LocalDate day = w.movedOutDaysAgo() == null ? today.plusDays(w.expectedInDays() - 3) : today.minusDays(w.movedOutDaysAgo() + 2);
                aftercare.recordHandover(id, new AftercareRequests.Handover(day, List.of(HandoverRole.WOMAN, HandoverRole.SHELTER, HandoverRole.ADVISER,
                        HandoverRole.QNET), w.movedOutDaysAgo() != null), IfMatch.NONE, shelter);
            }
            if (w.movedOutDaysAgo() != null) {
                aftercare.recordMoveOut(id, new AftercareRequests.MoveOut(null, today.minusDays(w.movedOutDaysAgo())), IfMatch.NONE, shelter);
            }
            if (w.caseworker()) {
                aftercare.assignCaseworker(id, new AftercareRequests.Caseworker("Demo Sagsbehandler", "raadgivning@odense.demo.invalid", null),
                        IfMatch.NONE, adviser);
            }
            goal(id, adviser, GoalDomain.HOUSING, GoalOwner.ADVISER, w.number() % 2 == 0 ? GoalStatus.MET : GoalStatus.IN_PROGRESS,
                    "Demo: fast bolig tæt på børnenes skole");
            goal(id, shelter, GoalDomain.NETWORK, GoalOwner.QNET, w.number() == 3 ? GoalStatus.IN_PROGRESS : GoalStatus.OPEN, null);
            goal(id, adviser, GoalDomain.ECONOMY_AND_DEBT, GoalOwner.ADVISER, w.number() == 2 ? GoalStatus.DROPPED : GoalStatus.OPEN, null);
            goal(id, adviser, GoalDomain.HEALTH, GoalOwner.OTHER_OFFER, GoalStatus.OPEN, "Demo: psykologforløb efter de ti timer");
            if (w.extension() != null) {
                LocalDate moved = today.minusDays(w.movedOutDaysAgo());
                aftercare.extend(id, new AftercareRequests.Extension(moved.plusMonths(9), w.extension()), IfMatch.NONE, adviser);
            }
        }
        int watched = watch.pass(today);
        LOG.infof("Demo aftercare: %d made-up women of Odense at different points of their window (%d windows watched)", women.size(), watched);
    }

    private void goal(UUID id, CallerIdentity by, GoalDomain domain, GoalOwner owner, GoalStatus status, String note) {
        AftercareService.CreatedGoal created = aftercare.addGoal(id, new AftercareRequests.NewGoal(domain, owner,
                owner == GoalOwner.OTHER_OFFER ? "Danner" : null, clock.today().plusMonths(1), note), null, by);
        if (status != GoalStatus.OPEN) {
            aftercare.changeGoal(id, created.goal().id, new AftercareRequests.GoalChange(status,
                    status == GoalStatus.DROPPED ? DropReason.COVERED_BY_ANOTHER_GOAL : null, null, null, null, null), IfMatch.NONE, by);
        }
    }

    private NewReferral request(Woman w, LocalDate today) {
        LocalDate expected = w.movedOutDaysAgo() == null ? today.plusDays(w.expectedInDays()) : today;
        return new NewReferral(
                new NewReferral.Woman("Demo", "Eksempel " + w.number(), "+45 20 00 00 0" + w.number(), null, PersonalData.PreferredContact.SMS,
                        "Hverdage efter kl. 10"),
                new NewReferral.Safety(false, w.number() % 3 == 0, "Demo: opdigtet kvinde til efterværnssiderne"),
                MUNICIPALITY, expected, List.of(new NewReferral.NewChild(today.getYear() - 6, null)),
                new NewReferral.Matching(List.of("da"), List.of(Need.NETWORK), List.of(), null),
                new NewReferral.Consent(List.of(ConsentScope.QNET_CONTACT, ConsentScope.STATISTICS, ConsentScope.SHARE_WITH_MUNICIPALITY),
                        clock.now(), ConsentMethod.WRITTEN));
    }
}
