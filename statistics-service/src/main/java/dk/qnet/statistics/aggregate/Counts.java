package dk.qnet.statistics.aggregate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;

/**
 * Adds to the monthly counts and distributions (and a stock's yearly change), inside the
 * consumer's inbox transaction, and marks the published figures changed.
 */
@ApplicationScoped
public class Counts {

    /** Where a figure falls: its month and its cell in the geography and source dimensions. */
    public record Cell(LocalDate month, String networkId, String regionCode, String source) {
    }

    private final EntityManager em;
    private final Changes changes;

    public Counts(EntityManager em, Changes changes) {
        this.em = em;
        this.changes = changes;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String measure, Cell cell, long value) {
        if (value == 0) {
            return;
        }
        em.createNativeQuery("""
                insert into monthly_count (measure, month, network_id, region_code, source, value) values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (measure, month, network_id, region_code, source) do update set value = monthly_count.value + excluded.value
                """).setParameter(1, measure).setParameter(2, cell.month()).setParameter(3, cell.networkId())
                .setParameter(4, cell.regionCode()).setParameter(5, cell.source()).setParameter(6, value).executeUpdate();
        if (Measures.isStock(measure)) {
            em.createNativeQuery("""
                    insert into yearly_delta (measure, year, network_id, region_code, source, value) values (?1, ?2, ?3, ?4, ?5, ?6)
                    on conflict (measure, year, network_id, region_code, source) do update set value = yearly_delta.value + excluded.value
                    """).setParameter(1, measure).setParameter(2, cell.month().getYear()).setParameter(3, cell.networkId())
                    .setParameter(4, cell.regionCode()).setParameter(5, cell.source()).setParameter(6, value).executeUpdate();
        }
        changes.touch();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void observe(String measure, Cell cell, int bucket) {
        em.createNativeQuery("""
                insert into monthly_histogram (measure, month, network_id, region_code, source, bucket, value)
                values (?1, ?2, ?3, ?4, ?5, ?6, 1)
                on conflict (measure, month, network_id, region_code, source, bucket)
                do update set value = monthly_histogram.value + 1
                """).setParameter(1, measure).setParameter(2, cell.month()).setParameter(3, cell.networkId())
                .setParameter(4, cell.regionCode()).setParameter(5, cell.source()).setParameter(6, bucket).executeUpdate();
        changes.touch();
    }
}
