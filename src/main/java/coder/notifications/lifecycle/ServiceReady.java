package coder.notifications.lifecycle;

/** Fired once the settings are valid and the schema is current: the moment background work may begin. */
public record ServiceReady() {}
