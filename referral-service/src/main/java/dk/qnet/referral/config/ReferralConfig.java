package dk.qnet.referral.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "qnet.referrals")
public interface ReferralConfig {

    /** Personal data is erased this long after a referral reaches a final status. */
    @WithDefault("P180D")
    Duration retentionAfterFinal();

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
