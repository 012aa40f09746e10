package coder.notifications.config;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in to the pages with the organisation's OpenID Connect provider ({@code CODER_OIDC_*}). Off unless the
 * issuer and the client id are both set. The provider must be reached over https, except on this machine
 * (a provider on the loopback address, as in evaluation and tests).
 */
public record SignInSettings(Optional<Provider> provider) {

    private static final String ISSUER = "coder.oidc.issuer.url";
    private static final String CLIENT_ID = "coder.oidc.client.id";
    private static final String CLIENT_SECRET = "coder.oidc.client.secret";
    private static final String SCOPES = "coder.oidc.scopes";
    private static final String GROUP_FIELD = "coder.oidc.group.field";

    /** Coder's defaults, in force whenever the setting is unset. */
    public static final String DEFAULT_SCOPES = "openid,profile,email";

    public static final String DEFAULT_GROUP_FIELD = "groups";

    /** One provider: its issuer, this service's client id and secret (none for a public client), the scopes asked for. */
    public record Provider(
            URI issuer, String clientId, Optional<String> clientSecret, List<String> scopes, String groupField) {

        @Override
        public String toString() {
            return "OIDC[issuer=" + issuer + ", client=" + clientId + ", secret="
                    + (clientSecret.isPresent() ? "set" : "unset") + ", scopes=" + scopes + ", groups=" + groupField
                    + "]";
        }
    }

    public static SignInSettings from(SettingSource source) {
        var issuer = source.text(ISSUER);
        var clientId = source.text(CLIENT_ID);
        if (issuer.isEmpty() && clientId.isEmpty()) {
            return new SignInSettings(Optional.empty());
        }
        if (issuer.isEmpty()) {
            throw SettingSource.invalid(ISSUER, "", "is required when CODER_OIDC_CLIENT_ID is set");
        }
        if (clientId.isEmpty()) {
            throw new InvalidSettingException(
                    SettingSource.variableOf(CLIENT_ID), "is required when CODER_OIDC_ISSUER_URL is set");
        }
        var url = SettingSource.httpUrl(ISSUER, issuer.get().replaceAll("/+$", ""));
        if (url.getScheme().equalsIgnoreCase("http") && !loopback(url.getHost())) {
            throw SettingSource.invalid(
                    ISSUER, issuer.get(), "must be an https:// URL (plain http only for a provider on this machine)");
        }
        var scopes = Arrays.stream(source.text(SCOPES).orElse(DEFAULT_SCOPES).split("[,\\s]+"))
                .filter(scope -> !scope.isBlank())
                .distinct()
                .toList();
        if (!scopes.contains("openid")) {
            throw SettingSource.invalid(SCOPES, String.join(",", scopes), "must include openid");
        }
        var groupField = source.text(GROUP_FIELD).orElse(DEFAULT_GROUP_FIELD);
        return new SignInSettings(
                Optional.of(new Provider(url, clientId.get(), source.text(CLIENT_SECRET), scopes, groupField)));
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    @Override
    public String toString() {
        return provider.map(Provider::toString).orElse("OIDC[off]");
    }
}
