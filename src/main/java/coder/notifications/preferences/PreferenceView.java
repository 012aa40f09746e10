package coder.notifications.preferences;

import java.time.Instant;
import java.util.UUID;

/** One stored preference on the wire: the template's {@code id}, whether it is disabled, and when that was set. */
public record PreferenceView(UUID id, boolean disabled, Instant updatedAt) {}
