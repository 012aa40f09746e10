package coder.notifications.security;

import coder.notifications.api.Roles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Evaluation mode: with no verification key configured the service does not start open; it keeps an RSA key
 * pair in {@code <cache>/jwt/} and writes ready-made tokens (an owner and a notifier) to
 * {@code <cache>/jwt/tokens.env}, so the quick start can make real calls. Not for production: configure
 * {@code MP_JWT_VERIFY_PUBLICKEY} (or {@code _LOCATION}) with your identity provider's key instead.
 */
public final class EvaluationKeys {

    public static final String ISSUER = "coder-notifications-evaluation";
    /** The owner of the ready-made owner token; PUT this id into the user directory to use {@code me}. */
    public static final UUID OWNER = UUID.fromString("00000000-0000-4000-8000-00000000000a");

    public static final UUID NOTIFIER = UUID.fromString("00000000-0000-4000-8000-00000000000b");

    private EvaluationKeys() {}

    public static Path folder(Path cacheDirectory) {
        return cacheDirectory.resolve("jwt");
    }

    public static Path publicKey(Path cacheDirectory) {
        return folder(cacheDirectory).resolve("public.pem");
    }

    public static Path tokens(Path cacheDirectory) {
        return folder(cacheDirectory).resolve("tokens.env");
    }

    /**
     * Creates the key pair once, and fresh tokens on every start, issued now by the clock and valid for a year;
     * answers the tokens file.
     */
    public static synchronized Path prepare(Path cacheDirectory, Clock clock) {
        try {
            var folder = Files.createDirectories(folder(cacheDirectory));
            var privateFile = folder.resolve("private.pem");
            if (!Files.exists(privateFile) || !Files.exists(publicKey(cacheDirectory))) {
                var generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                writePrivate(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(
                        publicKey(cacheDirectory),
                        pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            var key = privateKey(cacheDirectory);
            var issued = clock.instant();
            var expires = issued.plus(Duration.ofDays(365));
            writePrivate(tokens(cacheDirectory), """
                    # Evaluation tokens of coder-notifications (not for production). Use: curl -H "Authorization: Bearer $OWNER_TOKEN"
                    OWNER_ID=%s
                    OWNER_TOKEN=%s
                    NOTIFIER_TOKEN=%s
                    """.formatted(
                            OWNER,
                            token(key, OWNER, List.of(Roles.OWNER), issued, expires),
                            token(key, NOTIFIER, List.of(Roles.NOTIFIER), issued, expires)));
            return tokens(cacheDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the evaluation key pair: " + e.getMessage(), e);
        }
    }

    /** Adds the one-time sign-in link of the pages to the tokens file, replacing an older one. */
    public static synchronized void addSignInUrl(Path cacheDirectory, String url) {
        try {
            var file = tokens(cacheDirectory);
            var lines = new java.util.ArrayList<>(Files.readAllLines(file));
            lines.removeIf(line -> line.startsWith("OWNER_SIGN_IN_URL="));
            lines.add("OWNER_SIGN_IN_URL=" + url);
            writePrivate(file, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The evaluation signing key (also how tests mint tokens for other roles). */
    public static PrivateKey privateKey(Path cacheDirectory) throws IOException, GeneralSecurityException {
        var pem = Files.readString(folder(cacheDirectory).resolve("private.pem"));
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(
                        Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
    }

    /**
     * An RS256 token with the claims MicroProfile JWT requires. The caller says when it is issued, since this class
     * has no clock of its own: the service passes its clock's time, a test the real time the server will check.
     */
    public static String token(PrivateKey key, UUID subject, List<String> groups, Instant issued, Instant expires)
            throws GeneralSecurityException {
        var header = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        var claims = base64("{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"groups\":["
                + String.join(
                        ",", groups.stream().map(group -> "\"" + group + "\"").toList())
                + "],\"iat\":" + issued.getEpochSecond() + ",\"exp\":" + expires.getEpochSecond()
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}");
        var signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.writeString(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's permissions apply
        }
    }
}
