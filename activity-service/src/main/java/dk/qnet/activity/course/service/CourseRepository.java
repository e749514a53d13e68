package dk.qnet.activity.course.service;

import dk.qnet.activity.course.Course;
import dk.qnet.activity.course.CourseLeader;
import dk.qnet.activity.course.CourseSession;
import dk.qnet.activity.course.Enrolment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Courses, their sessions, leaders, enrolments and attendance. */
@ApplicationScoped
public class CourseRepository {

    private final EntityManager em;

    public CourseRepository(EntityManager em) {
        this.em = em;
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    public Optional<Course> find(UUID id) {
        return Optional.ofNullable(em.find(Course.class, id));
    }

    public Optional<Course> findLocked(UUID id) {
        return Optional.ofNullable(em.find(Course.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Holds, until the transaction ends, the right to create under this key: two retries at once become one after the other. */
    public void lockIdempotencyKey(String networkId, String key) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) as locked").setParameter(1, "course:" + networkId + ":" + key)
                .getSingleResult();
    }

    public Optional<Course> byIdempotencyKey(String networkId, String key) {
        return em.createQuery("from Course where networkId = :n and idempotencyKey = :k", Course.class).setParameter("n", networkId)
                .setParameter("k", key).getResultStream().findFirst();
    }

    /** A network's courses (every network's where null), newest first. */
    public List<Course> in(String networkId, int offset, int size) {
        var query = networkId == null ? em.createQuery("from Course order by createdAt desc, id", Course.class)
                : em.createQuery("from Course where networkId = :n order by createdAt desc, id", Course.class).setParameter("n", networkId);
        return query.setFirstResult(offset).setMaxResults(size).getResultList();
    }

    public long count(String networkId) {
        return networkId == null ? em.createQuery("select count(c) from Course c", Long.class).getSingleResult()
                : em.createQuery("select count(c) from Course c where c.networkId = :n", Long.class).setParameter("n", networkId).getSingleResult();
    }

    /** A network's courses that are not closed, for its calendar feed (a cancelled one's sessions show cancelled). */
    public List<Course> notClosed(String networkId, int max) {
        return em.createQuery("from Course where networkId = :n and status <> :s order by createdAt desc", Course.class)
                .setParameter("n", networkId).setParameter("s", Course.Status.CLOSED).setMaxResults(max).getResultList();
    }

    public List<CourseSession> sessions(UUID courseId) {
        return em.createQuery("from CourseSession where courseId = :c order by number", CourseSession.class).setParameter("c", courseId)
                .getResultList();
    }

    public List<CourseLeader> leaders(UUID courseId) {
        return em.createQuery("from CourseLeader where courseId = :c order by staffRole nulls first, volunteerId, id", CourseLeader.class)
                .setParameter("c", courseId).getResultList();
    }

    /** A course's enrolments in queue order. */
    public List<Enrolment> enrolments(UUID courseId) {
        return em.createQuery("from Enrolment where courseId = :c order by queuedAt", Enrolment.class).setParameter("c", courseId)
                .getResultList();
    }

    public Optional<Enrolment> enrolment(UUID courseId, UUID enrolmentId) {
        return Optional.ofNullable(em.find(Enrolment.class, enrolmentId)).filter(e -> e.courseId.equals(courseId));
    }

    public Optional<Enrolment> current(UUID courseId, UUID referralId) {
        return em.createQuery("from Enrolment where courseId = :c and referralId = :r and state in (:s)", Enrolment.class)
                .setParameter("c", courseId).setParameter("r", referralId)
                .setParameter("s", List.of(Enrolment.State.APPLIED, Enrolment.State.ADMITTED)).getResultStream().findFirst();
    }

    /** Stores the enrolment and reads back the place in the queue the database gave it. */
    public Enrolment add(Enrolment e) {
        em.persist(e);
        em.flush();
        em.refresh(e);
        return e;
    }

    /** Replaces who came to a session. */
    public void replaceAttendance(UUID sessionId, Map<UUID, Integer> women, List<UUID> leaders) {
        em.createNativeQuery("delete from session_attendance where session_id = ?1").setParameter(1, sessionId).executeUpdate();
        women.forEach((enrolment, children) -> em.createNativeQuery(
                        "insert into session_attendance (session_id, enrolment_id, children) values (?1, ?2, ?3)")
                .setParameter(1, sessionId).setParameter(2, enrolment).setParameter(3, children).executeUpdate());
        leaders.forEach(leader -> em.createNativeQuery("insert into session_attendance (session_id, leader_id) values (?1, ?2)")
                .setParameter(1, sessionId).setParameter(2, leader).executeUpdate());
    }

    /** Who came to each session of a course: session id to the women's enrolment ids with their children, and the leaders. */
    public Attendance attendance(UUID courseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select a.session_id, a.enrolment_id, a.leader_id, a.children from session_attendance a
                join course_session s on s.id = a.session_id where s.course_id = ?1
                """).setParameter(1, courseId).getResultList();
        Map<UUID, Map<UUID, Integer>> women = new HashMap<>();
        Map<UUID, List<UUID>> leaders = new HashMap<>();
        for (Object[] r : rows) {
            UUID session = (UUID) r[0];
            if (r[1] != null) {
                women.computeIfAbsent(session, s -> new HashMap<>()).put((UUID) r[1], ((Number) r[3]).intValue());
            } else {
                leaders.computeIfAbsent(session, s -> new java.util.ArrayList<>()).add((UUID) r[2]);
            }
        }
        return new Attendance(women, leaders);
    }

    /** Attendance of a course's sessions, by session id. */
    public record Attendance(Map<UUID, Map<UUID, Integer>> women, Map<UUID, List<UUID>> leaders) {

        public Map<UUID, Integer> womenAt(UUID session) {
            return women.getOrDefault(session, Map.of());
        }

        public List<UUID> leadersAt(UUID session) {
            return leaders.getOrDefault(session, List.of());
        }

        /** How many sessions the enrolment's woman came to. */
        public int sessionsOf(UUID enrolment) {
            return (int) women.values().stream().filter(w -> w.containsKey(enrolment)).count();
        }

        /** The most children she brought to one session. */
        public int childrenOf(UUID enrolment) {
            return women.values().stream().mapToInt(w -> w.getOrDefault(enrolment, 0)).max().orElse(0);
        }
    }

    /** Erasure: the woman's enrolments become head counts; the counts stay right. */
    public int anonymise(UUID referralId) {
        return em.createQuery("update Enrolment set referralId = null where referralId = :r").setParameter("r", referralId).executeUpdate();
    }
}
