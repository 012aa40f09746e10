package coder.notifications.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How API bearer tokens are verified, with the standard MicroProfile JWT names: {@code MP_JWT_VERIFY_PUBLICKEY}
 * (a PEM public key, a JWK or a JWK set) or {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION} (a file, {@code file:} or
 * {@code http(s):} URL holding either), {@code MP_JWT_VERIFY_PUBLICKEY_ALGORITHM} (RS256 unless set),
 * {@code MP_JWT_VERIFY_ISSUER} and {@code MP_JWT_VERIFY_AUDIENCES}. In evaluation mode the evaluation key and
 * issuer come through the same names.
 */
public record TokenSettings(
        Optional<String> publicKey,
        Optional<String> publicKeyLocation,
        String algorithm,
        Optional<String> issuer,
        List<String> audiences,
        String groupsClaim) {

    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    static final String LOCATION = "mp.jwt.verify.publickey.location";
    static final String ALGORITHM = "mp.jwt.verify.publickey.algorithm";
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String AUDIENCES = "mp.jwt.verify.audiences";
    private static final Set<String> ALGORITHMS =
            Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

    public static TokenSettings from(SettingSource source) {
        var algorithm = source.text(ALGORITHM).orElse("RS256").toUpperCase();
        if (!ALGORITHMS.contains(algorithm)) {
            throw SettingSource.invalid(
                    ALGORITHM,
                    algorithm,
                    "expected one of "
                            + String.join(", ", ALGORITHMS.stream().sorted().toList()));
        }
        var audiences = source.text(AUDIENCES).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .toList();
        return new TokenSettings(
                source.text(PUBLIC_KEY), source.text(LOCATION), algorithm, source.text(ISSUER), audiences, "groups");
    }

    /** Whether a key is configured at all: without one no token can be accepted. */
    public boolean hasKey() {
        return publicKey.isPresent() || publicKeyLocation.isPresent();
    }

    @Override
    public String toString() {
        return "TokenSettings[key=" + (publicKey.isPresent() ? "inline" : publicKeyLocation.orElse("unset"))
                + ", algorithm=" + algorithm + ", issuer=" + issuer.orElse("any") + ", audiences="
                + (audiences.isEmpty() ? "any" : audiences) + "]";
    }
}
