package coder.notifications.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A delivery method; its name is the word used in settings, columns and the API. */
public enum Method {
    smtp,
    webhook,
    /** The in-product inbox (SPEC 12): a template method, never the deployment's. */
    inbox;

    /** The methods a deployment may choose as its default, as Coder's dispatch-methods answer lists them. */
    public static final List<Method> DEPLOYMENT_METHODS = List.of(smtp, webhook);

    public static Optional<Method> named(String name) {
        return Arrays.stream(values())
                .filter(method -> method.name().equals(name))
                .findFirst();
    }
}
