package dk.qnet.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The one exception-mapper set of the suite: every error leaves as application/problem+json.
 * Messages of exceptions are never copied into a response or a log line, because a parser or a
 * database message can quote the personal data it choked on.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, SimpleResourceInfo resource, HttpHeaders headers) {
        Optional<Response> page = page(resource, headers, e.problem().status());
        if (page.isPresent()) {
            return page.get();
        }
        Response.ResponseBuilder response = Response.fromResponse(e.problem().toResponse());
        e.headers().forEach(response::header);
        return response.build();
    }

    /** The error page where the service has pages and the request is for a person. */
    private static Optional<Response> page(SimpleResourceInfo resource, HttpHeaders headers, int status) {
        if (!forPeople(resource == null ? null : resource.getResourceClass(), headers == null ? List.of() : headers.getAcceptableMediaTypes())) {
            return Optional.empty();
        }
        InjectableInstance<ErrorPages> pages = Arc.container() == null ? null : Arc.container().select(ErrorPages.class);
        return pages == null || !pages.isResolvable() ? Optional.empty() : Optional.of(pages.get().render(status));
    }

    /**
     * Whether an error is answered as a page: the matched resource's kind decides ({@link PageResource});
     * where none matched (an unknown address), a request that names HTML among what it accepts (a
     * browser's navigation) gets a page, and anything else (an API client's {@code *}{@code /*} or JSON) problem+json.
     */
    static boolean forPeople(Class<?> resourceClass, List<MediaType> accepted) {
        if (resourceClass != null) {
            return resourceClass.isAnnotationPresent(PageResource.class);
        }
        return accepted.stream().anyMatch(m -> "text".equals(m.getType()) && "html".equals(m.getSubtype()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response violations(ResteasyReactiveViolationException e) {
        return constraintViolations(e);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e) {
        List<FieldError> errors = FieldErrors.of(e.getConstraintViolations()).list();
        return Problem.invalid("The request has " + errors.size() + " invalid field(s).", errors).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unknownField(UnrecognizedPropertyException e) {
        return Problem.invalid("The request has an unknown field.",
                List.of(new FieldError(pathOf(e), "unknown field"))).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response wrongType(InvalidFormatException e) {
        return Problem.invalid("The request has a field of the wrong type or format.",
                List.of(new FieldError(pathOf(e), "must be a " + simpleTypeName(e.getTargetType())))).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e) {
        String field = pathOf(e);
        if (field.isEmpty()) {
            return Problem.of(400, "malformed-json", "Malformed JSON", "The body must be a JSON object.").toResponse();
        }
        return Problem.invalid("The request has a field of the wrong type.",
                List.of(new FieldError(field, "must be a " + simpleTypeName(e.getTargetType())))).toResponse();
    }

    @ServerExceptionMapper(priority = 2)
    public Response mapping(JsonMappingException e) {
        String field = pathOf(e);
        if (field.isEmpty()) {
            return Problem.of(400, "malformed-json", "Malformed JSON", "The body is not valid JSON for this resource.").toResponse();
        }
        return Problem.invalid("The request has an invalid field.", List.of(new FieldError(field, "invalid value"))).toResponse();
    }

    @ServerExceptionMapper(priority = 3)
    public Response malformed(JsonProcessingException e) {
        return Problem.of(400, "malformed-json", "Malformed JSON", "The body is not valid JSON.").toResponse();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthorizedResponse();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorizedResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, SimpleResourceInfo resource, HttpHeaders headers) {
        return page(resource, headers, 403).orElseGet(() -> Problem.forStatus(403).toResponse());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, SimpleResourceInfo resource, HttpHeaders headers) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Optional<Response> page = status < 500 ? page(resource, headers, status) : Optional.empty();
        if (page.isPresent()) {
            return page.get();
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json);
        }
        Problem problem = status >= 500 ? Problem.forStatus(status).occurrence(logServerError(e)) : Problem.forStatus(status);
        Response.ResponseBuilder builder = Response.fromResponse(problem.toResponse());
        if (e.getResponse() != null && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            builder.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        return Problem.forStatus(500).occurrence(logServerError(e)).toResponse();
    }

    private static Response unauthorizedResponse() {
        return Response.fromResponse(Problem.forStatus(401).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"qnet\"")
                .build();
    }

    /** Logs the error without its message (it could quote personal data) and returns the id the answer carries. */
    static String logServerError(Throwable e) {
        // Class names and frames only: a message could quote personal data.
        String errorId = UUID.randomUUID().toString();
        StringBuilder chain = new StringBuilder(e.getClass().getName());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            chain.append(" <- ").append(c.getClass().getName());
        }
        StackTraceElement[] frames = e.getStackTrace();
        String where = frames.length > 0 ? frames[0].toString() : "?";
        LOG.errorf("Unhandled error %s: %s at %s", errorId, chain, where);
        return errorId;
    }

    static String pathOf(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String simpleTypeName(Class<?> type) {
        if (type == null) {
            return "value of another type";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        if (type == String.class) {
            return "string";
        }
        if (type.getName().startsWith("java.time")) {
            return "date or time in ISO 8601 format";
        }
        return "JSON object";
    }
}
