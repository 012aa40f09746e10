package coder.notifications.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/v2/notifications/test} and {@code /custom}: notifications a caller sends to themself. */
@Path("notifications")
public interface CallerNotificationsApi {

    /** 204: the Troubleshooting Notification goes to the caller (owners only). */
    @POST
    @Path("test")
    Response test();

    /** 204: the custom notification goes to the caller. */
    @POST
    @Path("custom")
    @Consumes(MediaType.APPLICATION_JSON)
    Response custom(Custom custom);

    record Custom(Content content) {

        public static Custom of(String title, String message) {
            return new Custom(new Content(title, message));
        }
    }

    record Content(String title, String message) {}
}
