package dk.qnet.referral.audit.web;

import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.problem.PageResource;
import dk.qnet.platform.web.PageDates;
import dk.qnet.platform.web.PageTexts;
import dk.qnet.referral.audit.AuditLog;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The administrator's audit log: who read whose personal data, and whether the hash chain holds. */
@PageResource
@Path("/sider/revision")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
@TemplateData(target = AuditLog.Verification.class)
public class AuditPages {

    static final int SHOWN = 200;

    @TemplateData
    record AuditRow(long id, String at, String actor, String role, String org, String referralId, String action, String reason,
                    boolean breakGlass) {
        static AuditRow of(AuditLog.Entry e) {
            return new AuditRow(e.id(), PageDates.dateTime(e.at()), e.actorSubject(), e.actorRole(),
                    e.actorOrg() == null ? "" : e.actorOrg(), e.referralId().toString(),
                    PageTexts.orElse("audit.action." + e.action(), e.action()),
                    e.reason() == null ? "" : PageTexts.orElse("breakGlass." + e.reason(), e.reason()), e.reason() != null);
        }
    }

    private final AuditLog audit;
    private final Template page;

    public AuditPages(AuditLog audit, @Location("referrals/audit.html") Template page) {
        this.audit = audit;
        this.page = page;
    }

    @GET
    public TemplateInstance show() {
        return page.data("verification", audit.verify())
                .data("rows", audit.latest(SHOWN).stream().map(AuditRow::of).toList())
                .data("shown", SHOWN);
    }
}
