package coder.notifications.delivery;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A button of a notification: its label and where it leads (written in jsonb's key order, see Payload). */
@JsonbPropertyOrder({"url", "label"})
public record Action(String label, String url) {}
