package coder.notifications.config;

import java.util.Arrays;
import java.util.Optional;

/** A delivery method; its name is the word used in settings, columns and the API. */
public enum Method {
    smtp,
    webhook;

    public static Optional<Method> named(String name) {
        return Arrays.stream(values())
                .filter(method -> method.name().equals(name))
                .findFirst();
    }
}
