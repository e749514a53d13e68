package dk.qnet.statistics.rest;

import dk.qnet.platform.problem.ProblemException;
import dk.qnet.statistics.service.ActivityStatistics;
import dk.qnet.statistics.service.ReferralStatistics;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Year;
import java.util.List;

/** The national headline figures: public, with small-number suppression. */
@Path("/api/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class StatisticsResource {

    public record MonthView(String month, Long received, String display, boolean suppressed) {
    }

    public record ReferralsReceived(int year, int suppressionThreshold, List<MonthView> months) {
    }

    public record ActivitiesHeld(int year, int suppressionThreshold, List<ActivityStatistics.MonthParticipation> months) {
    }

    private final ReferralStatistics referrals;
    private final ActivityStatistics activities;

    public StatisticsResource(ReferralStatistics referrals, ActivityStatistics activities) {
        this.referrals = referrals;
        this.activities = activities;
    }

    /** Network activities held per month, and how many women, children and volunteers took part. */
    @GET
    @Path("activities")
    public ActivitiesHeld activities(@QueryParam("year") String year) {
        int y = parseYear(year);
        return new ActivitiesHeld(y, referrals.threshold(), activities.perMonth(y));
    }

    @GET
    @Path("referrals-received")
    public ReferralsReceived referralsReceived(@QueryParam("year") String year) {
        int y = parseYear(year);
        List<MonthView> months = referrals.receivedPerMonth(y).stream()
                .map(m -> new MonthView(m.month().toString(), m.suppressed() ? null : m.received(), m.display(), m.suppressed()))
                .toList();
        return new ReferralsReceived(y, referrals.threshold(), months);
    }

    private static int parseYear(String year) {
        if (year == null || year.isBlank()) {
            return Year.now().getValue();
        }
        try {
            int y = Integer.parseInt(year);
            if (y >= 2001 && y <= 2100) {
                return y;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ProblemException.invalid("year", "must be a year from 2001 to 2100");
    }
}
