package dk.qnet.activity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A local network as qnet.networks.v1 last described it. */
@Entity
@Table(name = "network")
public class Network extends PanacheEntityBase {

    @Id
    @Column(name = "network_id")
    public String networkId;

    public String name;

    public boolean active;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
