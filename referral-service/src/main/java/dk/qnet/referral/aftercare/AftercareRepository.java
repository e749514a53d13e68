package dk.qnet.referral.aftercare;

import dk.qnet.contracts.aftercare.GoalStatus;
import dk.qnet.referral.Referral;
import dk.qnet.referral.service.ReferralDataHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The aftercare rows, goals and steps of the women's referrals; erased with her. */
@ApplicationScoped
public class AftercareRepository implements ReferralDataHolder {

    /** One line of a caseload: her referral, her aftercare (null before its first write) and her open goals. */
    public record CaseloadRow(Referral referral, Aftercare aftercare, long openGoals) {
    }

    private static final List<GoalStatus> OPEN = List.of(GoalStatus.OPEN, GoalStatus.IN_PROGRESS);

    private final EntityManager em;

    public AftercareRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * The women of a municipality who consented to share with it: ended windows and the nearest
     * ends first, before the move-out by the expected day, windows closed with nothing open last.
     */
    public List<CaseloadRow> caseload(String municipalityCode, int offset, int size) {
        List<Object[]> rows = em.createQuery("""
                select r, a, (select count(g) from PlanGoal g where g.referralId = r.id and g.status in :open)
                from Referral r left join Aftercare a on a.referralId = r.id
                where r.municipalityCode = :code and r.sharedWithMunicipality = true and r.erasedAt is null
                order by case when a.closedAt is not null and a.closedWithGoalsOpen = false then 1 else 0 end,
                         coalesce(a.windowEndsOn, r.expectedMoveOut), r.id
                """, Object[].class).setParameter("code", municipalityCode).setParameter("open", OPEN)
                .setFirstResult(offset).setMaxResults(size).getResultList();
        return rows.stream().map(row -> new CaseloadRow((Referral) row[0], (Aftercare) row[1], ((Number) row[2]).longValue())).toList();
    }

    public long caseloadSize(String municipalityCode) {
        return em.createQuery("select count(r) from Referral r where r.municipalityCode = :code and r.sharedWithMunicipality = true "
                + "and r.erasedAt is null", Long.class).setParameter("code", municipalityCode).getSingleResult();
    }

    /** No woman has aftercare yet (a fresh installation). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isEmpty() {
        return em.createQuery("select count(a) from Aftercare a", Long.class).getSingleResult() == 0;
    }

    /** Open windows whose last day is on or before {@code soon}, nearest first. */
    public List<UUID> endingBy(LocalDate soon, int limit) {
        return em.createQuery("select a.referralId from Aftercare a where a.closedAt is null and a.windowEndsOn <= :soon order by a.windowEndsOn",
                UUID.class).setParameter("soon", soon).setMaxResults(limit).getResultList();
    }

    public Optional<Aftercare> find(UUID referralId) {
        return Optional.ofNullable(em.find(Aftercare.class, referralId));
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    /** Her goals by domain, oldest first within one. */
    public List<PlanGoal> goalsOf(UUID referralId) {
        return em.createQuery("select g from PlanGoal g where g.referralId = :id", PlanGoal.class).setParameter("id", referralId)
                .getResultList().stream().sorted(Comparator.comparing((PlanGoal g) -> g.domain).thenComparing(g -> g.createdAt)).toList();
    }

    public Optional<PlanGoal> goal(UUID referralId, UUID goalId) {
        return em.createQuery("select g from PlanGoal g where g.id = :goal and g.referralId = :id", PlanGoal.class)
                .setParameter("goal", goalId).setParameter("id", referralId).getResultStream().findFirst();
    }

    public Optional<PlanGoal> goalByKey(UUID referralId, String idempotencyKey) {
        return em.createQuery("select g from PlanGoal g where g.referralId = :id and g.idempotencyKey = :key", PlanGoal.class)
                .setParameter("id", referralId).setParameter("key", idempotencyKey).getResultStream().findFirst();
    }

    public long goalCount(UUID referralId) {
        return em.createQuery("select count(g) from PlanGoal g where g.referralId = :id", Long.class).setParameter("id", referralId)
                .getSingleResult();
    }

    /** The dated steps, oldest first, at most {@code limit}. */
    public List<AftercareStep> steps(UUID referralId, int limit) {
        return em.createQuery("select s from AftercareStep s where s.referralId = :id order by s.id", AftercareStep.class)
                .setParameter("id", referralId).setMaxResults(limit).getResultList();
    }

    /** Writes what is pending, so an answer shows the versions the rows now have. */
    public void flush() {
        em.flush();
    }

    /** Erasure: nothing of her aftercare stays, the sealed notes, the dates and the caseworker included. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID referralId) {
        em.createQuery("delete from AftercareStep s where s.referralId = :id").setParameter("id", referralId).executeUpdate();
        em.createQuery("delete from PlanGoal g where g.referralId = :id").setParameter("id", referralId).executeUpdate();
        em.createQuery("delete from Aftercare a where a.referralId = :id").setParameter("id", referralId).executeUpdate();
    }

    /**
     * Her aftercare is still in use: her window is open (she moved out, and it has not closed), or
     * it ended with goals still open that nobody has met or dropped since. Retention waits: the
     * municipality's window is not Qnet's to end, whatever Qnet decided about her referral, and a
     * window that ended with goals open stays flagged on the caseload until they are dealt with.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean holdsRetention(UUID referralId) {
        return em.createQuery("""
                select count(a) from Aftercare a where a.referralId = :id and a.actualMoveOut is not null
                and (a.closedAt is null or exists (select g from PlanGoal g where g.referralId = :id and g.status in :open))
                """, Long.class).setParameter("id", referralId).setParameter("open", OPEN).getSingleResult() > 0;
    }
}
