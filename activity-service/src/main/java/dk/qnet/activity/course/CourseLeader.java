package dk.qnet.activity.course;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A leader of a course: a volunteer of the network, or a member of staff named by her role only. */
@Entity
@Table(name = "course_leader")
public class CourseLeader extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "course_id")
    public UUID courseId;

    @Column(name = "volunteer_id")
    public UUID volunteerId;

    @Column(name = "staff_role")
    public String staffRole;
}
