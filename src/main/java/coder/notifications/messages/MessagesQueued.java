package coder.notifications.messages;

/** Messages were stored in the current transaction; observers that need the commit observe AFTER_SUCCESS. */
public record MessagesQueued() {}
