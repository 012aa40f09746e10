package coder.notifications.inbox;

import coder.notifications.api.ApiError;
import coder.notifications.api.InvalidRequestException;
import coder.notifications.api.JsonConfig;
import coder.notifications.api.Uuids;
import coder.notifications.security.BearerAuthentication;
import coder.notifications.users.PrivilegedCallers;
import coder.notifications.users.SuspendedUsers;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /api/v2/notifications/inbox/watch} (SPEC 12): a WebSocket when the request asks to upgrade, Server-Sent
 * Events when it accepts {@code text/event-stream}. The request is authenticated like every API call (bearer token,
 * or the pages' session cookie) before it gets here, and its parameters are checked before anything is upgraded,
 * so a refusal is an ordinary JSON error. A servlet rather than an annotated endpoint: only a servlet sees the
 * authenticated request and can answer 400 instead of upgrading (WebSocket 2.1's upgradeHttpToWebSocket).
 */
@WebServlet(urlPatterns = WatchServlet.PATH, asyncSupported = true)
public class WatchServlet extends HttpServlet {

    public static final String PATH = "/api/v2/notifications/inbox/watch";

    @Inject
    InboxWatchers watchers;

    @Inject
    SuspendedUsers suspendedUsers;

    @Inject
    PrivilegedCallers privilegedCallers;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        var subject = request.getUserPrincipal() == null
                ? Optional.<UUID>empty()
                : Uuids.of(request.getUserPrincipal().getName());
        if (subject.isEmpty()) {
            error(
                    response,
                    403,
                    ApiError.of("An inbox belongs to a user: this request needs a token whose sub claim"
                            + " is a user id of the directory, or a signed-in session."));
            return;
        }
        var userId = subject.get();
        if (suspendedUsers.refuses(userId, privilegedCallers.includes(userId))) {
            error(
                    response,
                    403,
                    ApiError.of("This account is suspended in the user directory: it may not use the API."));
            return;
        }
        InboxQuery query;
        try {
            query = InboxQuery.forWatch(request.getParameterMap());
        } catch (InvalidRequestException e) {
            error(response, 400, e.error());
            return;
        }
        var expires =
                request.getAttribute(BearerAuthentication.EXPIRES) instanceof Instant instant ? instant : Instant.MAX;
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            upgrade(request, response, new WebSocketWatcher(new Subscription(userId, query, expires), watchers));
        } else if (acceptsEventStream(request)) {
            response.setStatus(200);
            response.setContentType("text/event-stream;charset=UTF-8");
            // Proxies such as nginx would otherwise hold the events back in their buffers.
            response.setHeader("X-Accel-Buffering", "no");
            // The head and the first bytes go out with the first ping, right after registration (InboxWatchers.add).
            var async = request.startAsync();
            // No timeout: the stream lasts until the client leaves or the credential expires (see InboxWatchers).
            async.setTimeout(0);
            new EventStreamWatcher(new Subscription(userId, query, expires), watchers, async).open();
        } else {
            error(
                    response,
                    400,
                    ApiError.of("This stream is a WebSocket (send Upgrade: websocket) or Server-Sent Events"
                            + " (send Accept: text/event-stream)."));
        }
    }

    private void upgrade(HttpServletRequest request, HttpServletResponse response, WebSocketWatcher watcher)
            throws IOException, ServletException {
        var container = (ServerContainer) request.getServletContext().getAttribute(ServerContainer.class.getName());
        var config = ServerEndpointConfig.Builder.create(WebSocketWatcher.class, PATH)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return endpointClass.cast(watcher);
                    }
                })
                .build();
        try {
            container.upgradeHttpToWebSocket(request, response, config, Map.of());
        } catch (DeploymentException e) {
            throw new ServletException("cannot open the inbox's WebSocket", e);
        }
    }

    private static boolean acceptsEventStream(HttpServletRequest request) {
        var accept = request.getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/event-stream");
    }

    private static void error(HttpServletResponse response, int status, ApiError error) throws IOException {
        var body = JsonConfig.wire().toJson(error).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
