package coder.notifications.templates;

import java.util.Map;

/** What a template may say about one message: the recipient, the event's labels and data, the access URL. */
public record RenderContext(
        String userName,
        String userUsername,
        String userEmail,
        Map<String, String> labels,
        Map<String, Object> data,
        String accessUrl) {}
