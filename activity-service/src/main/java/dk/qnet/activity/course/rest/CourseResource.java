package dk.qnet.activity.course.rest;

import dk.qnet.activity.calendar.CalendarLinks;
import dk.qnet.activity.course.Enrolment;
import dk.qnet.activity.course.service.AdmissionService;
import dk.qnet.activity.course.service.CourseRequest;
import dk.qnet.activity.course.service.CourseCalendar;
import dk.qnet.activity.course.service.CourseService;
import dk.qnet.activity.course.service.DropOutRequest;
import dk.qnet.activity.course.service.EnrolmentRequest;
import dk.qnet.activity.course.service.SessionAttendanceRequest;
import dk.qnet.activity.course.service.SessionChange;
import dk.qnet.platform.identity.CallerIdentity;
import dk.qnet.platform.identity.Roles;
import dk.qnet.platform.paging.Page;
import dk.qnet.platform.paging.PageRequest;
import dk.qnet.platform.problem.IfMatch;
import dk.qnet.platform.problem.PathIds;
import dk.qnet.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;

/** A network's group courses, for its coordinator (and admin). Others' courses are 404, every object of them. */
@Path("/api/v1/courses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
public class CourseResource {

    private final CourseService courses;
    private final AdmissionService admissions;
    private final CalendarLinks calendarLinks;
    private final CourseCalendar courseCalendar;
    private final CallerIdentity caller;

    public CourseResource(CourseService courses, AdmissionService admissions, CalendarLinks calendarLinks, CourseCalendar courseCalendar,
                          CallerIdentity caller) {
        this.calendarLinks = calendarLinks;
        this.courseCalendar = courseCalendar;
        this.courses = courses;
        this.admissions = admissions;
        this.caller = caller;
    }

    @GET
    public Page<CourseViews.CourseSummary> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return courses.page(caller, PageRequest.of(page, size)).map(CourseViews.CourseSummary::of);
    }

    /** 201 with the course and its sessions; the same Idempotency-Key again answers 200 with the course made the first time. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CourseRequest body,
                           @HeaderParam("Idempotency-Key") @Parameter(description = "A resent request with the same key answers the first one's course.",
                                   schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = CourseService.MAX_IDEMPOTENCY_KEY_LENGTH)) String idempotencyKey,
                           @Context UriInfo uri) {
        CourseService.Created created = courses.create(body, idempotencyKey, caller);
        Response.ResponseBuilder answer = created.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(created.state().course().id.toString()).build()) : Response.ok();
        return answer.entity(CourseViews.CourseView.of(created.state()))
                .header(HttpHeaders.ETAG, IfMatch.etagOf(created.state().course().version)).build();
    }

    @GET
    @Path("{id}")
    public RestResponse<CourseViews.CourseView> get(@PathParam("id") String id) {
        return tagged(courses.get(PathIds.uuidOrNotFound(id), caller));
    }

    @POST
    @Path("{id}/cancel")
    public RestResponse<CourseViews.CourseView> cancel(@PathParam("id") String id, @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return tagged(courses.cancel(PathIds.uuidOrNotFound(id), IfMatch.parse(ifMatch), caller));
    }

    /** Closes the course after its last session: completion becomes final and its counts go to statistics. */
    @POST
    @Path("{id}/close")
    public RestResponse<CourseViews.CourseView> close(@PathParam("id") String id, @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return tagged(courses.close(PathIds.uuidOrNotFound(id), IfMatch.parse(ifMatch), caller));
    }

    /** Moves a planned session; calendar feeds show it moved (a higher SEQUENCE). */
    @PUT
    @Path("{id}/sessions/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<CourseViews.CourseView> moveSession(@PathParam("id") String id, @PathParam("number") @Parameter(description = "The session's number in the course, from 1; anything else is answered like an unknown session (404).", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,2}$", maxLength = 2)) String number,
                                                            @HeaderParam(IfMatch.HEADER) String ifMatch, SessionChange body) {
        return tagged(courses.moveSession(PathIds.uuidOrNotFound(id), sessionNumber(number), body, IfMatch.parse(ifMatch), caller));
    }

    @POST
    @Path("{id}/sessions/{number}/cancel")
    public RestResponse<CourseViews.CourseView> cancelSession(@PathParam("id") String id, @PathParam("number") @Parameter(description = "The session's number in the course, from 1; anything else is answered like an unknown session (404).", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,2}$", maxLength = 2)) String number,
                                                              @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return tagged(courses.cancelSession(PathIds.uuidOrNotFound(id), sessionNumber(number), IfMatch.parse(ifMatch), caller));
    }

    /** Who came to a session that has begun; sent again, it replaces the last record. */
    @PUT
    @Path("{id}/sessions/{number}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<CourseViews.CourseView> attendance(@PathParam("id") String id, @PathParam("number") @Parameter(description = "The session's number in the course, from 1; anything else is answered like an unknown session (404).", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,2}$", maxLength = 2)) String number,
                                                           @HeaderParam(IfMatch.HEADER) String ifMatch, SessionAttendanceRequest body) {
        return tagged(courses.recordAttendance(PathIds.uuidOrNotFound(id), sessionNumber(number), body, IfMatch.parse(ifMatch), caller));
    }

    @GET
    @Path("{id}/enrolments")
    public Page<CourseViews.EnrolmentView> enrolments(@PathParam("id") String id, @QueryParam("page") String page,
                                                      @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        // A course's enrolments are its places (at most 100) and its queue: paged from that list.
        return request.slice(CourseViews.EnrolmentView.of(courses.get(PathIds.uuidOrNotFound(id), caller)));
    }

    /** She applies, or is put forward: 201 at the end of the queue; 409 with the reasons when she does not meet the criteria. */
    @POST
    @Path("{id}/enrolments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response apply(@PathParam("id") String id, EnrolmentRequest body, @Context UriInfo uri) {
        UUID courseId = PathIds.uuidOrNotFound(id);
        Enrolment e = admissions.apply(courseId, body, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(e.id.toString()).build()).entity(enrolment(courseId, e.id)).build();
    }

    /** Admits the first in the queue while places remain (at most count); 409 when the first in line does not fit. */
    @POST
    @Path("{id}/admissions")
    @Consumes(MediaType.APPLICATION_JSON)
    public CourseViews.Admitted admit(@PathParam("id") String id, CourseViews.AdmissionRequest body) {
        UUID courseId = PathIds.uuidOrNotFound(id);
        var admitted = admissions.admit(courseId, body == null ? null : body.count(), caller);
        return new CourseViews.Admitted(admitted.stream().map(e -> enrolment(courseId, e.id)).toList());
    }

    /** Takes back an application, or a place before the course begins. */
    @DELETE
    @Path("{id}/enrolments/{enrolmentId}")
    public CourseViews.EnrolmentView withdraw(@PathParam("id") String id, @PathParam("enrolmentId") String enrolmentId) {
        UUID courseId = PathIds.uuidOrNotFound(id);
        Enrolment e = admissions.withdraw(courseId, PathIds.uuidOrNotFound(enrolmentId), caller);
        return enrolment(courseId, e.id);
    }

    @POST
    @Path("{id}/enrolments/{enrolmentId}/drop-out")
    @Consumes(MediaType.APPLICATION_JSON)
    public CourseViews.EnrolmentView dropOut(@PathParam("id") String id, @PathParam("enrolmentId") String enrolmentId, DropOutRequest body) {
        UUID courseId = PathIds.uuidOrNotFound(id);
        Enrolment e = admissions.dropOut(courseId, PathIds.uuidOrNotFound(enrolmentId), body, caller);
        return enrolment(courseId, e.id);
    }

    /** A new secret calendar link for the course's women and leaders (no names in it); the previous link stops working. */
    @PUT
    @Path("{id}/calendar-link")
    public Response renewCalendarLink(@PathParam("id") String id, @Context UriInfo uri) {
        UUID courseId = courses.get(PathIds.uuidOrNotFound(id), caller).course().id;
        String token = courseCalendar.renew(courseId);
        return Response.ok(Map.of("url", calendarLinks.feedUrl(uri, token), "expiresAt", calendarLinks.expiryOfNewLink().toString()))
                .header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("{id}/calendar-link")
    public Response revokeCalendarLink(@PathParam("id") String id) {
        UUID courseId = courses.get(PathIds.uuidOrNotFound(id), caller).course().id;
        if (!courseCalendar.revoke(courseId)) {
            throw ProblemException.notFound();
        }
        return Response.noContent().build();
    }

    private CourseViews.EnrolmentView enrolment(UUID courseId, UUID enrolmentId) {
        return CourseViews.EnrolmentView.of(courses.get(courseId, caller)).stream().filter(v -> v.id().equals(enrolmentId)).findFirst()
                .orElseThrow(ProblemException::notFound);
    }

    /** A session's number from the path; anything else is answered like an unknown session. */
    public static int sessionNumber(String number) {
        if (number == null || !number.matches("[0-9]{1,2}")) {
            throw ProblemException.notFound();
        }
        return Integer.parseInt(number);
    }

    private static RestResponse<CourseViews.CourseView> tagged(CourseService.CourseState s) {
        return RestResponse.ResponseBuilder.ok(CourseViews.CourseView.of(s)).header(HttpHeaders.ETAG, IfMatch.etagOf(s.course().version)).build();
    }
}
