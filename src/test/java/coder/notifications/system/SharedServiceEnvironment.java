package coder.notifications.system;

import coder.notifications.security.EvaluationKeys;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import org.apache.cxf.BusFactory;
import org.jose4j.jwk.RsaJsonWebKey;
import org.microshed.testing.ManuallyStartedConfiguration;
import org.microshed.testing.jwt.JwtBuilder;

/**
 * MicroShed Testing's manual mode pointed at the suite's shared service: the packaged server, started once for the
 * whole run (the failsafe configuration selects this class with {@code MICROSHED_TEST_ENV_CLASS}). The
 * {@code @RESTClient} proxies of a {@code @MicroShedTest} class then call it at {@code /api/v2}, and their
 * {@code @JwtConfig} tokens are signed with the evaluation key the service trusts (MicroShed signs with a key of its
 * own otherwise, which only a server configured with that key would accept). REST Assured's global settings are
 * left alone: the suite's other tests name their service on every request.
 */
public class SharedServiceEnvironment extends ManuallyStartedConfiguration {

    /** The evaluation owner, as a constant for {@code @JwtConfig(subject = ...)}. */
    public static final String OWNER = "00000000-0000-4000-8000-00000000000a";

    /** The owner's {@code groups} claim: the trailing comma makes MicroShed write a JSON array, as the claim must be. */
    public static final String OWNER_GROUPS = "groups=owner,";

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public void start() {
        SharedService.get();
        // The API's root: MicroShed looks for the @ApplicationPath only beside the interfaces, not in the service.
        ManuallyStartedConfiguration.setRuntimeURL(SharedService.PUBLIC_URL + "/api/v2");
        signWithTheEvaluationKey();
        configureTheClients();
    }

    @Override
    public boolean configureRestAssured() {
        return false;
    }

    /**
     * MicroShed's clients are CXF's, on java.net.http, configured here through the default bus. They speak HTTP/1.1,
     * the one version the server speaks (SecurityIT checks that an h2c upgrade changes nothing). And a 202 is read as
     * any other answer: on a 202 the conduit reads the body's first byte to see
     * whether there is a body, then hands on the body without that byte ({@code "messages": ...} for
     * {@code {"messages": ...}}).
     */
    private static void configureTheClients() {
        var bus = BusFactory.getDefaultBus();
        bus.setProperty("org.apache.cxf.transport.http.forceVersion", "1.1");
        bus.setProperty("org.apache.cxf.transport.process202Response", false);
    }

    private static synchronized void signWithTheEvaluationKey() {
        if (!OWNER.equals(EvaluationKeys.OWNER.toString())) {
            throw new IllegalStateException("the evaluation owner is " + EvaluationKeys.OWNER + ", not " + OWNER);
        }
        try {
            var key = (RSAPrivateCrtKey) EvaluationKeys.privateKey(
                    ServiceProcess.WORK.resolve("cache").toAbsolutePath());
            var publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            var jwk = new RsaJsonWebKey((java.security.interfaces.RSAPublicKey) publicKey);
            jwk.setPrivateKey(key);
            jwk.setKeyId("evaluation");
            // JwtBuilder keeps its signing key in a package-private static field, created on first use.
            var field = JwtBuilder.class.getDeclaredField("rsajwk");
            field.setAccessible(true);
            field.set(null, jwk);
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign MicroShed's tokens with the evaluation key", e);
        }
    }
}
