package dk.qnet.statistics.service;

import dk.qnet.contracts.referral.ReferralReceived;
import dk.qnet.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Referrals received per month, counted from ReferralReceived events. */
@ApplicationScoped
public class ReferralStatistics {

    public record MonthCount(YearMonth month, long received, String display, boolean suppressed) {
    }

    private final EntityManager em;
    private final Suppression suppression;
    private final ZoneId zone;

    public ReferralStatistics(EntityManager em, StatisticsConfig config) {
        this.em = em;
        this.suppression = new Suppression(config.suppressionThreshold());
        this.zone = ZoneId.of(config.zone());
    }

    /** Runs inside the consumer's inbox transaction, so a redelivered event is not counted twice. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void countReceived(ReferralReceived event) {
        LocalDate month = YearMonth.from(event.receivedAt().atZone(zone)).atDay(1);
        em.createNativeQuery("""
                insert into monthly_referrals (month, received) values (?1, 1)
                on conflict (month) do update set received = monthly_referrals.received + 1
                """)
                .setParameter(1, month)
                .executeUpdate();
    }

    /** Every month of the year, suppressed where the count is small. */
    @Transactional
    public List<MonthCount> receivedPerMonth(int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select month, received from monthly_referrals where month >= ?1 and month < ?2")
                .setParameter(1, LocalDate.of(year, 1, 1))
                .setParameter(2, LocalDate.of(year + 1, 1, 1))
                .getResultList();
        Map<YearMonth, Long> counts = new HashMap<>();
        for (Object[] row : rows) {
            LocalDate month = SqlValues.localDate(row[0]);
            counts.put(YearMonth.from(month), ((Number) row[1]).longValue());
        }
        List<MonthCount> months = new ArrayList<>(12);
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            long count = counts.getOrDefault(month, 0L);
            boolean suppressed = suppression.suppresses(count);
            months.add(new MonthCount(month, suppressed ? -1 : count, suppression.display(count), suppressed));
        }
        return months;
    }

    public int threshold() {
        return suppression.threshold();
    }
}
