package coder.notifications.delivery.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {

    static final byte[] KEY = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureIsTheStandardWebhooksReferenceOne() {
        // The example of the Standard Webhooks reference libraries (secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw).
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                StandardWebhooks.signature(List.of(KEY), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, BODY));
    }

    @Test
    void severalSecretsGiveOneSignatureEachInOneHeader() {
        var other = "another key, 24 bytes!!!".getBytes(StandardCharsets.UTF_8);
        var header = StandardWebhooks.signature(List.of(KEY, other), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, BODY);
        var parts = header.split(" ");
        assertEquals(2, parts.length);
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", parts[0]);
        assertEquals(
                StandardWebhooks.signature(List.of(other), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, BODY), parts[1]);
    }
}
