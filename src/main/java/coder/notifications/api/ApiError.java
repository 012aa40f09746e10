package coder.notifications.api;

import java.util.List;

/** The one error shape of the API: {@code {"message", "detail", "validations": [{"field", "detail"}]}}. */
public record ApiError(String message, String detail, List<Validation> validations) {

    /** One bad field of a request, named by its JSON path ({@code labels.name}, {@code events[3].template}). */
    public record Validation(String field, String detail) {}

    public static ApiError of(String message) {
        return new ApiError(message, "", List.of());
    }
}
