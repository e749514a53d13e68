package dk.qnet.matching.match;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The meetings of matches. */
@ApplicationScoped
public class MeetingRepository implements PanacheRepositoryBase<Meeting, UUID> {
}
