package dk.qnet.matching.match;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A meeting of a match: when and how long, never notes about the woman. */
@Entity
@Table(name = "meeting")
public class Meeting {

    @Id
    private UUID id;

    @Column(name = "match_id")
    private UUID matchId;

    @Column(name = "held_on")
    private LocalDate heldOn;

    @Column(name = "duration_minutes")
    private int durationMinutes;

    @Column(name = "logged_at")
    private Instant loggedAt;

    protected Meeting() {
    }

    Meeting(UUID matchId, LocalDate heldOn, int durationMinutes, Instant loggedAt) {
        this.id = UUID.randomUUID();
        this.matchId = matchId;
        this.heldOn = heldOn;
        this.durationMinutes = durationMinutes;
        this.loggedAt = loggedAt;
    }

    public UUID id() {
        return id;
    }

    public LocalDate heldOn() {
        return heldOn;
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    public Instant loggedAt() {
        return loggedAt;
    }
}
