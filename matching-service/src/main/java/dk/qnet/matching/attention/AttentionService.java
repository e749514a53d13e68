package dk.qnet.matching.attention;

import dk.qnet.contracts.network.NetworkIds;
import dk.qnet.matching.engine.PairScorer;
import dk.qnet.matching.volunteer.Volunteer;
import dk.qnet.platform.time.SuiteClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What needs a coordinator's attention in her network today: matches without a meeting for 21
 * days, women waiting over 14 days without a proposal, certificates that expire within 30 days
 * (or have expired, with the matches that are flagged for it), and offers unanswered for 7 days.
 */
@ApplicationScoped
public class AttentionService {

    public static final int NO_MEETING_DAYS = 21;
    public static final int LONG_WAIT_DAYS = 14;
    public static final int CERTIFICATE_WARNING_DAYS = 30;
    public static final int UNANSWERED_OFFER_DAYS = 7;

    /** Each list holds at most {@link #MAX_ITEMS}, the most urgent (oldest) first. */
    public record Attention(@Schema(maxLength = NetworkIds.MAX_LENGTH) String networkId, LocalDate asOf,
                            @Schema(maxItems = MAX_ITEMS) List<QuietMatch> noRecentMeeting,
                            @Schema(maxItems = MAX_ITEMS) List<LongWait> longWaits,
                            @Schema(maxItems = MAX_ITEMS) List<Certificate> certificates,
                            @Schema(maxItems = MAX_ITEMS) List<UnansweredOffer> unansweredOffers) {
    }

    public static final int MAX_ITEMS = 200;
    /** A match's or a referral's status, as its enum names it (the longest is WAITLISTED). */
    static final int STATUS_LENGTH = 20;

    /** @param since the last meeting, or the acceptance when none has been held yet */
    public record QuietMatch(UUID matchId, UUID volunteerId, @Schema(maxLength = Volunteer.MAX_FIRST_NAME) String volunteerFirstName,
                             @Schema(maxLength = STATUS_LENGTH) String status, LocalDate since,
                             @Schema(minimum = "0", maximum = "" + Long.MAX_VALUE) long days) {
    }

    public record LongWait(UUID referralId, @Schema(maxLength = STATUS_LENGTH) String status, Instant waitingSince,
                           @Schema(minimum = "0", maximum = "" + Long.MAX_VALUE) long days, boolean waitlistPriority) {
    }

    /**
     * @param flaggedMatches open matches with a woman who has a child under 15, while the
     *                       certificate has expired: flagged, not broken
     */
    public record Certificate(UUID volunteerId, @Schema(maxLength = Volunteer.MAX_FIRST_NAME) String volunteerFirstName, LocalDate validUntil,
                              @Schema(minimum = "" + Long.MIN_VALUE, maximum = "" + Long.MAX_VALUE, description = "Negative once expired.") long daysLeft,
                              boolean expired, @Schema(maxItems = Volunteer.MAX_CAPACITY) List<UUID> flaggedMatches) {
    }

    public record UnansweredOffer(UUID matchId, UUID volunteerId, @Schema(maxLength = Volunteer.MAX_FIRST_NAME) String volunteerFirstName,
                                  Instant offeredAt, @Schema(minimum = "0", maximum = "" + Long.MAX_VALUE) long days) {
    }

    private final AttentionRepository attention;
    private final SuiteClock clock;

    public AttentionService(AttentionRepository attention, SuiteClock clock) {
        this.attention = attention;
        this.clock = clock;
    }

    @Transactional
    public Attention forNetwork(String networkId) {
        LocalDate today = clock.today();
        Instant now = clock.now();
        return new Attention(networkId, today, attention.quietMatches(networkId, today), attention.longWaits(networkId, now),
                attention.certificates(networkId, today), attention.unansweredOffers(networkId, now));
    }

    /** The birth years as stored (a JSON array of numbers). */
    static boolean hasChildUnderCertificateAge(String birthYearsJson, LocalDate today) {
        if (birthYearsJson == null) {
            return false;
        }
        String digits = birthYearsJson.replaceAll("[\\[\\]\\s]", "");
        if (digits.isEmpty()) {
            return false;
        }
        for (String year : digits.split(",")) {
            if (today.getYear() - Integer.parseInt(year) < PairScorer.CERTIFICATE_AGE) {
                return true;
            }
        }
        return false;
    }
}
