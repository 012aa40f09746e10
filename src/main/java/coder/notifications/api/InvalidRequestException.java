package coder.notifications.api;

import java.util.List;

/** The request cannot be processed as sent (400); every bad field is named. */
public class InvalidRequestException extends Refusal {

    private final List<ApiError.Validation> validations;

    public InvalidRequestException(String message, List<ApiError.Validation> validations) {
        super(message);
        this.validations = List.copyOf(validations);
    }

    public static InvalidRequestException field(String field, String detail) {
        return new InvalidRequestException(
                "Invalid request: " + field + " " + detail, List.of(new ApiError.Validation(field, detail)));
    }

    public ApiError error() {
        return new ApiError(getMessage(), "", validations);
    }
}
