package coder.notifications.delivery.smtp;

import coder.notifications.config.EmailSettings;
import coder.notifications.config.InvalidSettingException;
import coder.notifications.delivery.FailureText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS context of the SMTP connection from PEM files: the CA that signed the relay's certificate
 * ({@code CODER_EMAIL_TLS_CACERTFILE}, else the JDK's trust store), a client certificate and its PKCS#8 key
 * ({@code CODER_EMAIL_TLS_CERTFILE}, {@code CODER_EMAIL_TLS_CERTKEYFILE}), or no verification at all
 * ({@code CODER_EMAIL_TLS_SKIPVERIFY}).
 */
public final class PemTls {

    private static final Pattern PEM_BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private PemTls() {}

    /**
     * Reads every configured TLS file as a send would, so that a file that is not PEM, holds no certificate, or a
     * key that does not fit the certificate stops start-up with its variable named, not the first email.
     */
    public static void check(EmailSettings.Tls tls) {
        if (tls.caCertFile().isPresent()) {
            read("tls.cacertfile", () -> trustManagers(tls));
        }
        if (tls.certFile().isPresent()) {
            read("tls.certfile", () -> certificates(tls.certFile().get()));
            read(
                    "tls.certkeyfile",
                    () -> keyManagers(tls.certFile().get(), tls.certKeyFile().orElseThrow()));
        }
    }

    private interface Reading {
        Object read() throws GeneralSecurityException, IOException, RuntimeException;
    }

    private static void read(String key, Reading reading) {
        try {
            reading.read();
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new InvalidSettingException(
                    EmailSettings.variable(key), "cannot be read as PEM: " + FailureText.of(e));
        }
    }

    static SSLContext context(EmailSettings.Tls tls) {
        try {
            var context = SSLContext.getInstance("TLS");
            context.init(
                    tls.certFile().isPresent()
                            ? keyManagers(
                                            tls.certFile().get(),
                                            tls.certKeyFile().orElseThrow())
                                    .getKeyManagers()
                            : null,
                    tls.skipVerify() ? new TrustManager[] {new TrustEverything()} : trustManagers(tls),
                    null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS for SMTP: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(EmailSettings.Tls tls) throws GeneralSecurityException, IOException {
        var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (tls.caCertFile().isEmpty()) {
            factory.init((KeyStore) null);
        } else {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (var certificate : certificates(tls.caCertFile().get())) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            factory.init(store);
        }
        return factory.getTrustManagers();
    }

    private static KeyManagerFactory keyManagers(Path certFile, Path keyFile)
            throws GeneralSecurityException, IOException {
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        var chain = certificates(certFile).toArray(new Certificate[0]);
        store.setKeyEntry("client", privateKey(keyFile, chain[0].getPublicKey().getAlgorithm()), new char[0], chain);
        var factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, new char[0]);
        return factory;
    }

    private static List<X509Certificate> certificates(Path file) throws GeneralSecurityException, IOException {
        var factory = CertificateFactory.getInstance("X.509");
        var certificates = factory.generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file))).stream()
                .map(X509Certificate.class::cast)
                .toList();
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException(file + " holds no certificate");
        }
        return certificates;
    }

    private static PrivateKey privateKey(Path file, String algorithm) throws GeneralSecurityException, IOException {
        var matcher = PEM_BLOCK.matcher(Files.readString(file));
        while (matcher.find()) {
            if (matcher.group(1).equals("PRIVATE KEY")) {
                var der = Base64.getMimeDecoder().decode(matcher.group(2));
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            }
        }
        throw new GeneralSecurityException(file + " holds no PKCS#8 \"BEGIN PRIVATE KEY\" block"
                + " (convert with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem)");
    }

    /** For CODER_EMAIL_TLS_SKIPVERIFY only: the operator asked not to verify the relay. */
    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
