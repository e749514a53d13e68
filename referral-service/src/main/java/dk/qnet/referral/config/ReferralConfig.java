package dk.qnet.referral.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "qnet.referrals")
public interface ReferralConfig {

    /** Personal data is erased this long after a referral reaches a final status. */
    @WithDefault("P180D")
    Duration retentionAfterFinal();

    /**
     * A referral nobody decided on (still RECEIVED, routed or not) this long after it arrived is
     * closed with reason UNDECIDED and erased at once: nobody took her on, so nothing is kept.
     */
    @WithDefault("P90D")
    Duration undecidedRetention();

    /**
     * How long a retried POST with the same Idempotency-Key returns the first answer. Keys are
     * deleted after it; a key may then be used again.
     */
    @WithDefault("PT24H")
    Duration idempotencyWindow();

    /** How many referrals one client (token subject) may post per minute, bursts included. */
    @WithDefault("120")
    int intakePerMinute();

    /** The largest page a list returns. */
    @WithDefault("200")
    int maxPageSize();

    /** How often the retention job looks for referrals to erase (read by the scheduler). */
    @WithDefault("1h")
    String retentionCheckInterval();
}
