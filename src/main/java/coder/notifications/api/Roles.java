package coder.notifications.api;

/** The roles of the {@code groups} claim, as {@code @RolesAllowed} names them. */
public final class Roles {

    public static final String OWNER = "owner";
    public static final String USER_ADMIN = "user-admin";
    public static final String TEMPLATE_ADMIN = "template-admin";
    public static final String AUDITOR = "auditor";
    public static final String MEMBER = "member";
    /** Systems that report events and sync the user directory. */
    public static final String NOTIFIER = "notifier";

    private Roles() {}
}
