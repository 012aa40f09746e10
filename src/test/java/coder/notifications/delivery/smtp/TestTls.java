package coder.notifications.delivery.smtp;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates for the SMTP tests, made with the JDK's keytool: a relay certificate for localhost and a client
 * certificate, each as a PKCS#12 store for the test servers and as PEM files for the service's settings.
 */
public final class TestTls {

    static final char[] PASSWORD = "changeit".toCharArray();
    final Path folder;

    public TestTls(Path folder) throws Exception {
        this.folder = Files.createDirectories(folder);
        identity("relay", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
        identity("client", "CN=notifications-client", "SAN=dns:client.example.com");
        identity("stranger", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
    }

    public Path certificatePem(String name) {
        return folder.resolve(name + ".pem");
    }

    Path keyPem(String name) {
        return folder.resolve(name + "-key.pem");
    }

    /** A server context presenting the identity and, when given, trusting client certificates of another. */
    public SSLContext serverContext(String name, String trustedClient) throws Exception {
        var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store(name), PASSWORD);
        var context = SSLContext.getInstance("TLS");
        TrustManagerFactory trust = null;
        if (trustedClient != null) {
            trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store(trustedClient));
        }
        context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
        return context;
    }

    private KeyStore store(String name) throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(folder.resolve(name + ".p12").toFile())) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private void identity(String name, String dn, String san) throws Exception {
        var store = folder.resolve(name + ".p12");
        if (Files.exists(store)) {
            return;
        }
        keytool(
                "-genkeypair",
                "-alias",
                name,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                dn,
                "-ext",
                san,
                "-validity",
                "30",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                new String(PASSWORD),
                "-keypass",
                new String(PASSWORD));
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                name,
                "-keystore",
                store.toString(),
                "-storepass",
                new String(PASSWORD),
                "-file",
                certificatePem(name).toString());
        var key = (PrivateKey) store(name).getKey(name, PASSWORD);
        Files.writeString(
                keyPem(name),
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
