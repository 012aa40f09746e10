package coder.notifications.users;

/** Users were added, changed or deleted in the current transaction; observers that need the commit observe AFTER_SUCCESS. */
public record UsersChanged() {}
