package coder.notifications.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A setting source over a map of environment variables, as an operator would write them. */
final class Settings {

    private Settings() {}

    /** Pairs of environment variable and value: {@code of("CODER_EMAIL_FROM", "a@b.c")}. */
    static SettingSource of(String... variablesAndValues) {
        Map<String, String> environment = new HashMap<>();
        for (int i = 0; i < variablesAndValues.length; i += 2) {
            environment.put(variablesAndValues[i], variablesAndValues[i + 1]);
        }
        return new SettingSource(property -> Optional.ofNullable(environment.get(SettingSource.variableOf(property))));
    }
}
