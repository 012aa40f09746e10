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

    @Test
    void aReturnPathWithADotSegmentGoesToThePreferenceCenter() {
        for (var climbing :
                new String[] {"/../x", "/a/../../x", "/./x", "/%2e%2e/x", "/%2E./x", "/a/..", "/.%2e?q=1"}) {
            assertEquals("/settings/notifications", SignInServlet.returnTo(climbing), climbing);
        }
        assertEquals("/settings/notifications?x=/../y", SignInServlet.returnTo("/settings/notifications?x=/../y"));
        assertEquals("/a..b/c.d", SignInServlet.returnTo("/a..b/c.d"));
    }
}
