package coder.notifications.users;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A directory user on the wire. */
public record UserView(
        UUID id,
        String username,
        String name,
        String email,
        List<String> roles,
        String status,
        Instant createdAt,
        Instant updatedAt) {}
