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
                .when().get("/health/live")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessChecksTheDatabase() {
        given().baseUri(service.uri("").toString())
                .when().get("/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("notifications-database"));
    }

    @Test
    void metricsAnswerWithoutCredentials() {
        given().baseUri(service.uri("").toString())
                .when().get("/metrics")
                .then().statusCode(200);
    }
}
