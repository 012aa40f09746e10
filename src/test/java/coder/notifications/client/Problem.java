package coder.notifications.client;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The API's one error shape: {@code {"message", "detail", "validations": [{"field", "detail"}]}}. */
public record Problem(String message, String detail, List<Validation> validations) {

    public record Validation(String field, String detail) {}

    /** The error a refused call answered. */
    public static Problem of(WebApplicationException refused) {
        return of(refused.getResponse());
    }

    /** The error of an answer read as is (a method declared to return {@code Response}). */
    public static Problem of(Response refused) {
        return refused.readEntity(Problem.class);
    }

    /** The fields the refusal names. */
    public List<String> fields() {
        return validations == null
                ? List.of()
                : validations.stream().map(Validation::field).toList();
    }
}
