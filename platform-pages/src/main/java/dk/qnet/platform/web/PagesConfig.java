package dk.qnet.platform.web;

import io.smallrye.config.ConfigMapping;

/** Where each service's pages live, for the one navigation bar across the suite (defaults: microprofile-config.properties). */
@ConfigMapping(prefix = "qnet.pages")
public interface PagesConfig {

    String referralUrl();

    String matchingUrl();

    String activityUrl();

    String statisticsUrl();
}
