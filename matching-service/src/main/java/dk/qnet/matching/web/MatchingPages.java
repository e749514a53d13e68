package dk.qnet.matching.web;

import dk.qnet.matching.attention.AttentionService;
import dk.qnet.matching.match.MatchService;
import dk.qnet.matching.network.NetworkService;
import dk.qnet.matching.proposal.MatchingRunService;
import dk.qnet.matching.proposal.ProposalService;
import dk.qnet.matching.volunteer.VolunteerService;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.problem.PageResource;
import dk.qnet.platform.problem.PathIds;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.time.SuiteClock;
import dk.qnet.platform.web.PageCsrf;
import dk.qnet.platform.web.PagesConfig;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The coordinator's matching board and volunteer list. Proposals carry the engine's explanation;
 * a match's card updates in place (htmx) when the volunteer's answer or a meeting is recorded.
 * Every action goes through the same services and checks as the API.
 */
@PageResource
@Path("/sider")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
@TemplateData(target = NetworkService.Network.class)
public class MatchingPages {

    private final MatchingRunService runs;
    private final ProposalService proposals;
    private final MatchService matches;
    private final AttentionService attention;
    private final VolunteerService volunteers;
    private final NetworkService networks;
    private final CallerIdentity caller;
    private final PageCsrf csrf;
    private final PagesConfig urls;
    private final Template board;
    private final Template matchCard;
    private final Template volunteerList;
    private final Template networkPage;
    private final SuiteClock clock;

    public MatchingPages(MatchingRunService runs, ProposalService proposals, MatchService matches, AttentionService attention, VolunteerService volunteers,
                         NetworkService networks, CallerIdentity caller, PageCsrf csrf, PagesConfig urls,
                         @Location("matching/board.html") Template board, @Location("matching/match-card.html") Template matchCard,
                         @Location("matching/volunteers.html") Template volunteerList,
                         @Location("matching/networks.html") Template networkPage, SuiteClock clock) {
        this.runs = runs;
        this.proposals = proposals;
        this.matches = matches;
        this.attention = attention;
        this.volunteers = volunteers;
        this.networks = networks;
        this.caller = caller;
        this.csrf = csrf;
        this.urls = urls;
        this.board = board;
        this.matchCard = matchCard;
        this.volunteerList = volunteerList;
        this.networkPage = networkPage;
        this.clock = clock;
    }

    @GET
    @Path("matching")
    public TemplateInstance board(@QueryParam("netvaerk") String network, @QueryParam("koert") boolean ran) {
        String networkId = networkOf(network);
        Map<UUID, String> names = volunteerNames();
        List<MatchingPageViews.MatchCard> all = matches.list(networkId, caller).stream()
                .map(m -> MatchingPageViews.MatchCard.of(m, names)).toList();
        return board.data("networkId", networkId)
                .data("networks", caller.isAdmin() ? networks.list() : List.of())
                .data("ran", ran)
                .data("proposals", runs.list(networkId, caller).stream().map(MatchingPageViews.ProposalCard::of).toList())
                .data("offered", all.stream().filter(MatchingPageViews.MatchCard::offered).toList())
                .data("running", all.stream().filter(MatchingPageViews.MatchCard::running).toList())
                .data("attention", MatchingPageViews.AttentionView.of(attention.forNetwork(networkId)))
                .data("referralPages", urls.referralUrl() + "/sider/henvisninger/")
                .data("today", clock.today().toString());
    }

    @POST
    @Path("matching/koer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response run(MultivaluedMap<String, String> body) {
        csrf.verify(body.getFirst(PageCsrf.FIELD));
        String networkId = networkOf(body.getFirst("netvaerk"));
        runs.run(networkId, caller);
        return Response.seeOther(URI.create("/sider/matching?koert=true" + adminNetwork(networkId))).build();
    }

    @POST
    @Path("matching/forslag/{id}/godkend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") String id, MultivaluedMap<String, String> body) {
        csrf.verify(body.getFirst(PageCsrf.FIELD));
        var match = proposals.approve(PathIds.uuidOrNotFound(id), caller);
        return toCard(match);
    }

    @POST
    @Path("matching/matches/{id}/svar")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") String id, MultivaluedMap<String, String> body,
                           @HeaderParam("HX-Request") String htmx) {
        csrf.verify(body.getFirst(PageCsrf.FIELD));
        String accepted = body.getFirst("accepted");
        if (!"true".equals(accepted) && !"false".equals(accepted)) {
            throw ProblemException.invalid("accepted", "must be true or false");
        }
        return updated(matches.answer(PathIds.uuidOrNotFound(id), Boolean.parseBoolean(accepted), caller), htmx);
    }

    /** Logging a meeting: the date (today unless changed) and the length; nothing about her. */
    @POST
    @Path("matching/matches/{id}/moede")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response meeting(@PathParam("id") String id, MultivaluedMap<String, String> body,
                            @HeaderParam("HX-Request") String htmx) {
        csrf.verify(body.getFirst(PageCsrf.FIELD));
        LocalDate heldOn;
        Integer minutes;
        try {
            heldOn = LocalDate.parse(String.valueOf(body.getFirst("heldOn")));
            minutes = Integer.valueOf(String.valueOf(body.getFirst("durationMinutes")));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw ProblemException.invalid("heldOn", "must be a date and durationMinutes a number");
        }
        return updated(matches.logMeeting(PathIds.uuidOrNotFound(id), heldOn, minutes, caller), htmx);
    }

    @GET
    @Path("frivillige")
    public TemplateInstance volunteers() {
        return volunteerList.data("volunteers", volunteers.list(caller).stream().map(v -> MatchingPageViews.VolunteerRow.of(v, clock.today())).toList())
                .data("admin", caller.isAdmin());
    }

    /** The networks and the municipalities each covers (administrator). */
    @GET
    @Path("netvaerk")
    @RolesAllowed(Roles.ADMIN)
    public TemplateInstance networkList() {
        return networkPage.data("networks", networks.list());
    }

    /** With htmx, the match's card alone, to replace the old one; without, back to the board. */
    private Response updated(MatchService.MatchView match, String htmx) {
        if (htmx != null) {
            // Only this match's volunteer is needed for its card, not the network's whole list.
            var card = MatchingPageViews.MatchCard.of(match,
                    Map.of(match.volunteerId(), volunteers.get(match.volunteerId(), caller).firstName));
            return Response.ok(matchCard.data("m", card).data("today", clock.today().toString())
                    .data("referralPages", urls.referralUrl() + "/sider/henvisninger/").data("updated", true)).build();
        }
        return toCard(match);
    }

    /** Back to the board, at the match's card. */
    private Response toCard(MatchService.MatchView match) {
        return Response.seeOther(URI.create("/sider/matching?" + adminNetwork(match.networkId()).replaceFirst("^&", "") + "#match-" + match.id()))
                .build();
    }

    private String networkOf(String requested) {
        if (caller.isAdmin()) {
            String networkId = requested == null || requested.isBlank()
                    ? networks.list().stream().map(NetworkService.Network::networkId).findFirst().orElseThrow(ProblemException::notFound)
                    : requested;
            runs.requireOwn(networkId, caller);
            return networkId;
        }
        return caller.required(caller.networkId(), Roles.NETWORK_CLAIM);
    }

    private String adminNetwork(String networkId) {
        return caller.isAdmin() ? "&netvaerk=" + networkId : "";
    }

    private Map<UUID, String> volunteerNames() {
        return volunteers.list(caller).stream().collect(Collectors.toMap(v -> v.id, v -> v.firstName, (a, b) -> a));
    }
}
