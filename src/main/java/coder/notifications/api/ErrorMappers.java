package coder.notifications.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One mapper per kind of failure, each answering the JSON error shape; never a class name or a stack trace. */
public final class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());
    private static final OutageLog OUTAGES = new OutageLog();

    /** Requests refused because the database cannot be reached: one line a minute at most, with their count. */
    static final class OutageLog {
        private long count;
        private long loggedAt = Long.MIN_VALUE;

        synchronized void note() {
            count++;
            var now = System.nanoTime();
            if (loggedAt == Long.MIN_VALUE || now - loggedAt >= java.util.concurrent.TimeUnit.MINUTES.toNanos(1)) {
                LOG.warning(
                        "notifications: the database cannot be reached: answering 503 (" + count + " requests so far)");
                loggedAt = now;
            }
        }
    }

    private ErrorMappers() {}

    static Response answer(Response.Status status, ApiError error) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error)
                .build();
    }

    @Provider
    public static class InvalidRequest implements ExceptionMapper<InvalidRequestException> {
        @Override
        public Response toResponse(InvalidRequestException e) {
            return answer(Response.Status.BAD_REQUEST, e.error());
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return answer(Response.Status.NOT_FOUND, ApiError.of(e.getMessage()));
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return answer(Response.Status.CONFLICT, ApiError.of(e.getMessage()));
        }
    }

    @Provider
    public static class Forbidden implements ExceptionMapper<ForbiddenException> {
        @Override
        public Response toResponse(ForbiddenException e) {
            return answer(Response.Status.FORBIDDEN, ApiError.of(e.getMessage()));
        }
    }

    @Provider
    public static class TooManyRequests implements ExceptionMapper<TooManyRequestsException> {
        @Override
        public Response toResponse(TooManyRequestsException e) {
            return Response.status(429)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", e.retryAfterSeconds())
                    .entity(ApiError.of(e.getMessage()))
                    .build();
        }
    }

    /** Errors of the HTTP layer itself (unknown path, wrong method, wrong media type) keep the JSON shape. */
    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            var status = e.getResponse().getStatus();
            var reason = Response.Status.fromStatusCode(status);
            var message = switch (status) {
                case 403 -> "The token's roles (groups claim) do not allow this request.";
                // Never the server's own text: it names the server and echoes the URL, Host header included.
                case 404 -> "No such resource.";
                case 405 -> "This method is not allowed on this resource.";
                case 406 -> "Not acceptable: this resource answers application/json.";
                case 415 -> "Unsupported content type: send Content-Type: application/json.";
                default -> reason == null ? "HTTP " + status : reason.getReasonPhrase();
            };
            var answer = Response.status(status)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of(message));
            var allow = e.getResponse().getHeaderString("Allow");
            return (allow == null ? answer : answer.header("Allow", allow)).build();
        }
    }

    @Provider
    public static class TooLarge implements ExceptionMapper<BodyLimit.TooLargeException> {
        @Override
        public Response toResponse(BodyLimit.TooLargeException e) {
            return BodyLimit.tooLarge();
        }
    }

    /** Anything unexpected is logged with its cause and answered without it. */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            if (e instanceof WebApplicationException web) {
                return new Http().toResponse(web);
            }
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BodyLimit.TooLargeException) {
                    return BodyLimit.tooLarge();
                }
            }
            if (DatabaseUnavailable.causes(e)) {
                // Nothing was stored; the client can safely send the same request again.
                OUTAGES.note();
                return Response.fromResponse(
                                answer(
                                        Response.Status.SERVICE_UNAVAILABLE,
                                        ApiError.of(
                                                "The database cannot be reached; nothing was stored. Try again in a few seconds.")))
                        .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
                        .build();
            }
            LOG.log(Level.SEVERE, "notifications: request failed", e);
            return answer(Response.Status.INTERNAL_SERVER_ERROR, ApiError.of("Internal error; see the service log."));
        }
    }
}
