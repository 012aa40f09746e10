package coder.notifications.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Where the sign-in page sends a person afterwards. */
class SignInServletTest {

    @Test
    void aSignInReturnsOnlyToAPathOfThisService() {
        assertEquals(
                "/deployment/notifications?tab=messages",
                SignInServlet.returnTo("/deployment/notifications?tab=messages"));
        for (var elsewhere :
                new String[] {null, "", "https://evil.example.com", "//evil.example.com", "/\\evil", "/a\nb", "settings"
                }) {
            assertEquals("/settings/notifications", SignInServlet.returnTo(elsewhere), String.valueOf(elsewhere));
        }
    }
}
