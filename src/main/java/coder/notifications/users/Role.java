package coder.notifications.users;

import java.util.Arrays;
import java.util.Optional;

/** A role of a directory user; the names are Coder's. */
public enum Role {
    OWNER("owner"),
    USER_ADMIN("user-admin"),
    TEMPLATE_ADMIN("template-admin"),
    AUDITOR("auditor"),
    MEMBER("member");

    private final String word;

    Role(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<Role> named(String word) {
        return Arrays.stream(values()).filter(role -> role.word.equals(word)).findFirst();
    }
}
