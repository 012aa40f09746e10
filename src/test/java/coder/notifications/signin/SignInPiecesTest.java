package coder.notifications.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure pieces of sign-in: the cookie's attributes, the PKCE challenge, where a sign-in may return to. */
class SignInPiecesTest {

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureOnlyUnderHttps() {
        var plain = setCookie(false);
        assertTrue(plain.contains("HttpOnly") && plain.contains("SameSite=Lax") && plain.contains("Path=/"), plain);
        assertFalse(plain.contains("Secure"), plain);
        assertTrue(setCookie(true).endsWith("; Secure"), setCookie(true));
    }

    @Test
    void thePkceChallengeIsTheS256OneOfItsVerifier() {
        // base64url(SHA-256(verifier)) without padding, as RFC 7636 defines S256; the value computed with openssl.
        assertEquals(
                "5fxlGgDeRp1HFRIInw0dsbC2M0JGsNZ1G3ytl7X5Mcc",
                Secrets.challenge("dBjftJeZ4CVP-mJ0kGwdMAb8tjrMGKXfWzGdLAKMVdA"));
    }

    private static String setCookie(boolean secure) {
        List<String> headers = new ArrayList<>();
        var response = (HttpServletResponse) Proxy.newProxyInstance(
                SignInPiecesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("addHeader")) {
                        headers.add(args[0] + ": " + args[1]);
                    }
                    return null;
                });
        SessionCookie.write(response, SessionCookie.SESSION, "t".repeat(43), 60, secure);
        return headers.get(0);
    }
}
