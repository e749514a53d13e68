package dk.qnet.platform.web;

import dk.qnet.platform.identity.Roles;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What the shared layout needs: who is logged in and the one navigation bar, whose links depend
 * on the role and point into each service's pages. In templates: {@code {inject:page...}}.
 */
@RequestScoped
@Named("page")
public class PageContext {

    /** One link in the bar; current marks the page being shown (aria-current). */
    @TemplateData
    public record NavLink(String href, String label, boolean current, boolean local) {
    }

    private final SecurityIdentity identity;
    private final PagesConfig urls;
    private final RoutingContext request;

    public PageContext(SecurityIdentity identity, PagesConfig urls, RoutingContext request) {
        this.identity = identity;
        this.urls = urls;
        this.request = request;
    }

    /**
     * Whether someone is logged in. An error page for an address no resource serves is rendered on
     * the event loop, where the identity cannot be resolved without blocking: that page shows the
     * bar of someone not logged in.
     */
    public boolean isLoggedIn() {
        return !Context.isOnEventLoopThread() && !identity.isAnonymous();
    }

    /** The login name (staff, never a woman's name). */
    public String getUserName() {
        if (!isLoggedIn()) {
            return "";
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("preferred_username") != null) {
            return jwt.getClaim("preferred_username").toString();
        }
        return identity.getPrincipal().getName();
    }

    public String getRoleLabel() {
        if (!isLoggedIn()) {
            return "";
        }
        for (String role : List.of(Roles.ADMIN, Roles.COORDINATOR, Roles.ADVISER, Roles.SHELTER, Roles.ANALYST)) {
            if (identity.hasRole(role)) {
                return PageTexts.m("role." + role);
            }
        }
        return "";
    }

    public String getLogoutUrl() {
        return PageRequestGuard.LOGOUT;
    }

    public List<NavLink> getNav() {
        List<NavLink> nav = new ArrayList<>();
        if (!isLoggedIn()) {
            nav.add(link(urls.statisticsUrl(), "/", "nav.statistics"));
            return nav;
        }
        if (identity.hasRole(Roles.SHELTER) || identity.hasRole(Roles.ADVISER)) {
            nav.add(link(urls.referralUrl(), "/sider/henvisninger", "nav.referrals"));
            nav.add(link(urls.referralUrl(), "/sider/henvisninger/ny", "nav.newReferral"));
        }
        if (identity.hasRole(Roles.ADVISER)) {
            nav.add(link(urls.referralUrl(), "/sider/eftervaern", "nav.aftercare"));
        }
        if (identity.hasRole(Roles.COORDINATOR) || identity.hasRole(Roles.ADMIN)) {
            nav.add(link(urls.referralUrl(), "/sider/henvisninger", "nav.inbox"));
            nav.add(link(urls.matchingUrl(), "/sider/matching", "nav.matching"));
            nav.add(link(urls.matchingUrl(), "/sider/frivillige", "nav.volunteers"));
            nav.add(link(urls.activityUrl(), "/sider/aktiviteter", "nav.activities"));
            nav.add(link(urls.activityUrl(), "/sider/forloeb", "nav.courses"));
        }
        if (identity.hasRole(Roles.ADMIN)) {
            nav.add(link(urls.matchingUrl(), "/sider/netvaerk", "nav.networks"));
            nav.add(link(urls.referralUrl(), "/sider/revision", "nav.audit"));
        }
        nav.add(link(urls.statisticsUrl(), "/", "nav.statistics"));
        return nav;
    }

    private NavLink link(String base, String path, String key) {
        boolean local = isThisService(base);
        return new NavLink(base + path, PageTexts.m(key), local && request.normalizedPath().equals(path), local);
    }

    private boolean isThisService(String base) {
        String port = ":" + request.request().localAddress().port();
        return base.endsWith(port);
    }
}
