package dk.qnet.activity.course;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One session of a course, numbered from 1. Moved or cancelled, it keeps its number. */
@Entity
@Table(name = "course_session")
public class CourseSession extends PanacheEntityBase {

    public enum Status {
        PLANNED,
        HELD,
        CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "course_id")
    public UUID courseId;

    public int number;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Enumerated(EnumType.STRING)
    public Status status;

    public boolean moved;

    /** How many times the session changed (moved, cancelled): the calendar feeds' SEQUENCE. */
    public int sequence;

    @Column(name = "attendance_at")
    public Instant attendanceAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
