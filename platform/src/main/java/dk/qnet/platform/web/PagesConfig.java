package dk.qnet.platform.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where each service's pages live, for the one navigation bar across the suite. */
@ConfigMapping(prefix = "qnet.pages")
public interface PagesConfig {

    @WithDefault("http://127.0.0.1:8081")
    String referralUrl();

    @WithDefault("http://127.0.0.1:8082")
    String matchingUrl();

    @WithDefault("http://127.0.0.1:8083")
    String activityUrl();

    @WithDefault("http://127.0.0.1:8084")
    String statisticsUrl();
}
