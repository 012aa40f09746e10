package coder.notifications.delivery.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import coder.notifications.config.EmailSettings;
import coder.notifications.config.InvalidSettingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TLS file that cannot be used is refused at start-up, naming its variable; good files pass. */
class PemTlsTest {

    @TempDir
    static Path folder;

    static TestTls tls;
    static Path garbage;

    @BeforeAll
    static void files() throws Exception {
        tls = new TestTls(folder.resolve("tls"));
        garbage = Files.writeString(
                folder.resolve("garbage.pem"),
                "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n");
    }

    @Test
    void aCaFileThatHoldsNoCertificateIsNamed() {
        var refused = assertThrows(
                InvalidSettingException.class,
                () -> PemTls.check(tls(Optional.empty(), Optional.empty(), Optional.of(garbage))));
        assertEquals("CODER_EMAIL_TLS_CACERTFILE", refused.variable());
    }

    @Test
    void aClientCertificateThatIsNoneIsNamed() {
        var refused = assertThrows(
                InvalidSettingException.class,
                () -> PemTls.check(tls(Optional.of(garbage), Optional.of(tls.keyPem("client")), Optional.empty())));
        assertEquals("CODER_EMAIL_TLS_CERTFILE", refused.variable());
    }

    @Test
    void aKeyFileWithoutAKeyIsNamed() {
        var refused = assertThrows(
                InvalidSettingException.class,
                () -> PemTls.check(
                        tls(Optional.of(tls.certificatePem("client")), Optional.of(garbage), Optional.empty())));
        assertEquals("CODER_EMAIL_TLS_CERTKEYFILE", refused.variable());
    }

    @Test
    void usableFilesPass() {
        PemTls.check(tls(
                Optional.of(tls.certificatePem("client")),
                Optional.of(tls.keyPem("client")),
                Optional.of(tls.certificatePem("relay"))));
    }

    private static EmailSettings.Tls tls(Optional<Path> cert, Optional<Path> key, Optional<Path> ca) {
        return new EmailSettings.Tls(true, false, Optional.empty(), cert, key, ca);
    }
}
