package coder.notifications.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HealthIT {

    static ServiceProcess service;

    @BeforeAll
    static void startService() {
        service = SharedService.get();
    }

    @Test
    void livenessAnswersWithoutCredentials() {
        given().baseUri(service.uri("").toString())
                .when()
                .get("/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void readinessChecksTheDatabase() {
        given().baseUri(service.uri("").toString())
                .when()
                .get("/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("notifications-database"));
    }

    @Test
    void metricsAnswerWithoutCredentialsAndCountResults() throws Exception {
        var api = new Api(service);
        var user = api.user("Counted");
        api.event(java.util.Map.of(
                        "template",
                        "Workspace Deleted",
                        "user_id",
                        user.toString(),
                        "labels",
                        java.util.Map.of("name", "counted")))
                .then()
                .statusCode(202);
        SharedService.RECEIVER.awaitDelivered(user, 1, java.time.Duration.ofSeconds(30));
        // The result is counted when its write finishes, a moment after the delivery: ask until it is (30 s at most).
        var counted = Api.eventually(
                java.time.Duration.ofSeconds(30),
                () -> given().baseUri(service.uri("").toString())
                        .get("/metrics?scope=application")
                        .asString()
                        .contains("notifications_results_total{kind=\"sent\""));
        org.junit.jupiter.api.Assertions.assertTrue(counted, "the sent result is counted on /metrics");
        given().baseUri(service.uri("").toString())
                .when()
                .get("/metrics?scope=application")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("notifications_results_total{kind=\"sent\""));
    }
}
