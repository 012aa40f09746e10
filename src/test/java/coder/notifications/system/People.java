package coder.notifications.system;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/** People who sign in to the pages through the suite's OpenID Connect provider. */
final class People {

    private People() {}

    /** Signs a new person with these roles in through the provider; answers their user id. */
    static UUID signIn(Browser browser, String path, String... roles) {
        return signInAt(browser, SharedService.PUBLIC_URL, path, roles);
    }

    /** Signs a new person in on the pages of the service at {@code publicUrl} (it uses the suite's provider). */
    static UUID signInAt(Browser browser, String publicUrl, String path, String... roles) {
        var id = UUID.randomUUID();
        var username = "p" + id.toString().substring(0, 8);
        SharedService.OIDC.enqueueCallback(new DefaultOAuth2TokenCallback(
                SharedService.OIDC_ISSUER,
                id.toString(),
                "JWT",
                List.of(SharedService.OIDC_CLIENT),
                Map.of(
                        "groups",
                        List.of(roles),
                        "preferred_username",
                        username,
                        "name",
                        "Pat " + username,
                        "email",
                        username + "@example.com"),
                3600));
        browser.open(publicUrl + path);
        browser.find("#sign-in-oidc").click();
        browser.find("main h1");
        return id;
    }
}
