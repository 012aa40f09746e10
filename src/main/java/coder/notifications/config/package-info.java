/**
 * Configuration: every {@code CODER_*} setting read once, typed and validated at start-up.
 * Each area has one settings record built from a {@link coder.notifications.config.SettingSource}, so the rules
 * are unit-testable without a server; {@link coder.notifications.config.SettingsProducer} binds them to
 * MicroProfile Config.
 */
package coder.notifications.config;
