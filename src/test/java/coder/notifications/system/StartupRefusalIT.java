package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A replica with a configuration it cannot run with stops at start-up and says which setting is wrong. */
class StartupRefusalIT {

    @Test
    void aDispatchTimeoutNotShorterThanTheLeasePeriodStopsTheServer() throws Exception {
        var service = ServiceProcess.launch(
                "refusal-dispatch-timeout", ServiceProcess.env("CODER_NOTIFICATIONS_DISPATCH_TIMEOUT", "3m"));
        int exit = service.awaitExit(Duration.ofSeconds(150));
        var output = service.output();
        assertNotEquals(0, exit, output);
        assertTrue(output.contains("CODER_NOTIFICATIONS_DISPATCH_TIMEOUT: invalid value \"3m0s\""), output);
        assertTrue(output.contains("CODER_NOTIFICATIONS_LEASE_PERIOD"), output);
    }

    @Test
    void anUnusableDatabaseUrlStopsTheServerWithoutShowingThePassword() throws Exception {
        var service = ServiceProcess.launch(
                "refusal-database-url",
                ServiceProcess.env("CODER_PG_CONNECTION_URL", "mysql://coder:topsecret@localhost/coder"));
        int exit = service.awaitExit(Duration.ofSeconds(150));
        var output = service.output();
        assertNotEquals(0, exit, output);
        assertTrue(output.contains("CODER_PG_CONNECTION_URL"), output);
        assertFalse(output.contains("topsecret"), output);
    }

    @Test
    void aVerificationKeyThatIsNoKeyStopsTheServerNamingIt() throws Exception {
        var service = ServiceProcess.launch(
                "refusal-jwt-key",
                ServiceProcess.env(
                        "MP_JWT_VERIFY_PUBLICKEY", "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----",
                        "MP_JWT_VERIFY_ISSUER", "https://idp.example.com"));
        int exit = service.awaitExit(Duration.ofSeconds(150));
        var output = service.output();
        assertNotEquals(0, exit, output);
        assertTrue(output.contains("MP_JWT_VERIFY_PUBLICKEY: not a PEM public key"), output);
    }

    @Test
    void aTlsFileThatIsNoPemStopsTheServerNamingIt() throws Exception {
        var file = java.nio.file.Files.writeString(
                java.nio.file.Files.createTempFile("not-a-ca", ".pem"), "not a certificate\n");
        var service = ServiceProcess.launch(
                "refusal-tls-file",
                ServiceProcess.env(
                        "CODER_EMAIL_SMARTHOST", "localhost:2525", "CODER_EMAIL_TLS_CACERTFILE", file.toString()));
        int exit = service.awaitExit(Duration.ofSeconds(150));
        var output = service.output();
        assertNotEquals(0, exit, output);
        assertTrue(output.contains("CODER_EMAIL_TLS_CACERTFILE: cannot be read as PEM"), output);
    }
}
