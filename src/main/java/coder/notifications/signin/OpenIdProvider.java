package coder.notifications.signin;

import coder.notifications.config.SignInSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * The organisation's OpenID Connect provider, as a relying party sees it (authorization code flow with PKCE):
 * its endpoints from discovery, the authorization request, and the code exchanged for an ID token whose
 * signature (the provider's JWKS), issuer, audience, expiry and nonce are checked.
 */
@ApplicationScoped
public class OpenIdProvider {

    @Inject
    SignInSettings settings;

    private Client client;
    private volatile Endpoints endpoints;

    /** Where the provider is reached, from its discovery document. */
    record Endpoints(String issuer, String authorization, String token, JwtConsumer idTokens) {}

    /** A failure to talk to the provider or to accept its answer; the message is safe to show. */
    public static class SignInFailed extends RuntimeException {
        public SignInFailed(String message) {
            super(message);
        }
    }

    public boolean configured() {
        return settings.provider().isPresent();
    }

    public String groupField() {
        return provider().groupField();
    }

    /** The address to send the browser to, asking the provider to sign the person in. */
    public String authorizationUrl(String redirectUri, String state, String nonce, String codeVerifier) {
        var provider = provider();
        return UriBuilder.fromUri(endpoints().authorization())
                .queryParam("response_type", "code")
                .queryParam("client_id", provider.clientId())
                .queryParam("redirect_uri", redirectUri)
                .queryParam("scope", String.join(" ", provider.scopes()))
                .queryParam("state", state)
                .queryParam("nonce", nonce)
                .queryParam("code_challenge", Secrets.challenge(codeVerifier))
                .queryParam("code_challenge_method", "S256")
                .build()
                .toString();
    }

    /** Exchanges the code for an ID token and answers its verified claims. */
    public JwtClaims exchange(String code, String redirectUri, String codeVerifier, String nonce) {
        var provider = provider();
        var form = new Form()
                .param("grant_type", "authorization_code")
                .param("code", code)
                .param("redirect_uri", redirectUri)
                .param("code_verifier", codeVerifier)
                .param("client_id", provider.clientId());
        var request = client().target(endpoints().token()).request(MediaType.APPLICATION_JSON_TYPE);
        if (provider.clientSecret().isPresent()) {
            request = request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((urlEncoded(provider.clientId()) + ":"
                                                    + urlEncoded(provider.clientSecret()
                                                            .get()))
                                            .getBytes(StandardCharsets.UTF_8)));
        }
        JsonObject answer;
        try (var response = request.post(Entity.form(form))) {
            if (response.getStatus() != 200) {
                throw new SignInFailed("The identity provider refused the sign-in (HTTP " + response.getStatus()
                        + " from its token endpoint).");
            }
            answer = response.readEntity(JsonObject.class);
        } catch (ProcessingException e) {
            throw new SignInFailed("The identity provider could not be reached.");
        }
        var idToken = answer.getString("id_token", "");
        if (idToken.isEmpty()) {
            throw new SignInFailed("The identity provider answered without an ID token.");
        }
        try {
            var claims = endpoints().idTokens().processToClaims(idToken);
            if (!nonce.equals(claims.getStringClaimValue("nonce"))) {
                throw new SignInFailed("The ID token does not belong to this sign-in (nonce mismatch).");
            }
            return claims;
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
            throw new SignInFailed("The identity provider's ID token was not accepted: " + e.getMessage());
        }
    }

    private Endpoints endpoints() {
        var known = endpoints;
        if (known == null) {
            synchronized (this) {
                if (endpoints == null) {
                    endpoints = discover();
                }
                known = endpoints;
            }
        }
        return known;
    }

    private Endpoints discover() {
        var provider = provider();
        JsonObject document;
        try {
            document = client().target(provider.issuer() + "/.well-known/openid-configuration")
                    .request(MediaType.APPLICATION_JSON_TYPE)
                    .get(JsonObject.class);
        } catch (RuntimeException e) {
            throw new SignInFailed(
                    "The identity provider's discovery document could not be read from " + provider.issuer() + ".");
        }
        var issuer = document.getString("issuer", "").replaceAll("/+$", "");
        if (!issuer.equals(provider.issuer().toString())) {
            throw new SignInFailed("The identity provider names itself " + issuer + ", not CODER_OIDC_ISSUER_URL "
                    + provider.issuer() + ".");
        }
        var jwks = new HttpsJwks(document.getString("jwks_uri"));
        var idTokens = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(60)
                .setExpectedIssuer(document.getString("issuer"))
                .setExpectedAudience(provider.clientId())
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256,
                        AlgorithmIdentifiers.RSA_USING_SHA384,
                        AlgorithmIdentifiers.RSA_USING_SHA512,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                        AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
                        AlgorithmIdentifiers.RSA_PSS_USING_SHA256)
                .build();
        return new Endpoints(
                issuer, document.getString("authorization_endpoint"), document.getString("token_endpoint"), idTokens);
    }

    private SignInSettings.Provider provider() {
        return settings.provider().orElseThrow(() -> new SignInFailed("OpenID Connect sign-in is not configured."));
    }

    private synchronized Client client() {
        if (client == null) {
            client = ClientBuilder.newBuilder()
                    .connectTimeout(10, TimeUnit.SECONDS)
                    .readTimeout(10, TimeUnit.SECONDS)
                    .build();
        }
        return client;
    }

    private static String urlEncoded(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @PreDestroy
    synchronized void close() {
        Optional.ofNullable(client).ifPresent(Client::close);
    }
}
