package dk.qnet.statistics.service;

import dk.qnet.contracts.activity.ActivityHeld;
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

/** Network activities held and participation per month, from ActivityHeld events. */
@ApplicationScoped
public class ActivityStatistics {

    /** One month: each count shown, or suppressed below the threshold. */
    public record MonthParticipation(YearMonth month, Cell held, Cell women, Cell children, Cell volunteers) {
    }

    public record Cell(Long value, String display, boolean suppressed) {
    }

    private final EntityManager em;
    private final Suppression suppression;
    private final ZoneId zone;

    public ActivityStatistics(EntityManager em, StatisticsConfig config) {
        this.em = em;
        this.suppression = new Suppression(config.suppressionThreshold());
        this.zone = ZoneId.of(config.zone());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void countHeld(ActivityHeld event) {
        LocalDate month = YearMonth.from(event.startsAt().atZone(zone)).atDay(1);
        em.createNativeQuery("""
                insert into monthly_activities (month, held, women, children, volunteers) values (?1, 1, ?2, ?3, ?4)
                on conflict (month) do update set held = monthly_activities.held + 1,
                    women = monthly_activities.women + excluded.women,
                    children = monthly_activities.children + excluded.children,
                    volunteers = monthly_activities.volunteers + excluded.volunteers
                """)
                .setParameter(1, month).setParameter(2, event.women()).setParameter(3, event.children())
                .setParameter(4, event.volunteers()).executeUpdate();
    }

    @Transactional
    public List<MonthParticipation> perMonth(int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select month, held, women, children, volunteers from monthly_activities where month >= ?1 and month < ?2")
                .setParameter(1, LocalDate.of(year, 1, 1)).setParameter(2, LocalDate.of(year + 1, 1, 1)).getResultList();
        Map<YearMonth, long[]> counts = new HashMap<>();
        for (Object[] r : rows) {
            LocalDate month = SqlValues.localDate(r[0]);
            counts.put(YearMonth.from(month), new long[] {num(r[1]), num(r[2]), num(r[3]), num(r[4])});
        }
        List<MonthParticipation> months = new ArrayList<>(12);
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            long[] c = counts.getOrDefault(month, new long[4]);
            months.add(new MonthParticipation(month, cell(c[0]), cell(c[1]), cell(c[2]), cell(c[3])));
        }
        return months;
    }

    private Cell cell(long count) {
        boolean suppressed = suppression.suppresses(count);
        return new Cell(suppressed ? null : count, suppression.display(count), suppressed);
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }
}
