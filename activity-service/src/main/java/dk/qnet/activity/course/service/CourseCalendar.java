package dk.qnet.activity.course.service;

import dk.qnet.activity.calendar.CalendarLinks;
import dk.qnet.activity.calendar.CalendarSource;
import dk.qnet.activity.calendar.IcsWriter;
import dk.qnet.activity.course.Course;
import dk.qnet.activity.course.CourseSession;
import dk.qnet.platform.time.SuiteClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The courses in the calendar feeds: each course's own secret link for its women and leaders (only
 * the hash stored, as for networks), and its sessions in the network's feed. Time and place only:
 * a moved session keeps its UID with a higher SEQUENCE, a cancelled one stays, marked cancelled.
 */
@ApplicationScoped
public class CourseCalendar implements CalendarSource {

    /** The network's feed has the sessions of at most this many courses that are not closed, the newest first. */
    static final int MAX_FEED_COURSES = 50;

    private final EntityManager em;
    private final CourseRepository courses;
    private final CalendarLinks links;
    private final SuiteClock clock;

    public CourseCalendar(EntityManager em, CourseRepository courses, CalendarLinks links, SuiteClock clock) {
        this.em = em;
        this.courses = courses;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public List<IcsWriter.Entry> entriesOfNetwork(String networkId) {
        return courses.notClosed(networkId, MAX_FEED_COURSES).stream().flatMap(c -> sessionsOf(c).stream()).toList();
    }

    @Override
    public Optional<String> feedOf(String tokenHash, Instant madeAfter) {
        @SuppressWarnings("unchecked")
        List<UUID> linked = em.createNativeQuery("select course_id from course_calendar_link where token_hash = ?1 and created_at > ?2")
                .setParameter(1, tokenHash).setParameter(2, madeAfter).getResultList();
        return linked.stream().findFirst().flatMap(courses::find).map(c -> IcsWriter.calendar(c.title + " – forløb", sessionsOf(c), clock.now()));
    }

    /** Makes a new link for the course (the old one stops working) and answers its secret. */
    @Transactional
    public String renew(UUID courseId) {
        String token = links.newToken();
        em.createNativeQuery("""
                insert into course_calendar_link (course_id, token_hash, created_at) values (?1, ?2, ?3)
                on conflict (course_id) do update set token_hash = excluded.token_hash, created_at = excluded.created_at
                """).setParameter(1, courseId).setParameter(2, CalendarLinks.hash(token)).setParameter(3, clock.now()).executeUpdate();
        return token;
    }

    @Transactional
    public boolean revoke(UUID courseId) {
        return em.createNativeQuery("delete from course_calendar_link where course_id = ?1").setParameter(1, courseId).executeUpdate() == 1;
    }

    private List<IcsWriter.Entry> sessionsOf(Course c) {
        List<CourseSession> sessions = courses.sessions(c.id);
        return sessions.stream().map(s -> new IcsWriter.Entry(s.id.toString(), s.updatedAt, s.sequence, s.startsAt, s.endsAt,
                c.title + " (" + s.number + "/" + sessions.size() + ")", c.venue, s.status == CourseSession.Status.CANCELLED)).toList();
    }
}
