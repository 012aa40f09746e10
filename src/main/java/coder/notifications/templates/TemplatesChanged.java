package coder.notifications.templates;

/** A template changed in the current transaction; observers that need the commit observe AFTER_SUCCESS. */
public record TemplatesChanged() {}
