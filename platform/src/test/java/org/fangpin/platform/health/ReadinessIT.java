package org.fangpin.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import org.fangpin.platform.web.PlatformTestApplication;
import org.fangpin.testsupport.KafkaBroker;
import org.fangpin.testsupport.PostgresServer;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * Readiness tells the truth: a service whose database or Kafka does not answer reports itself not ready (so it gets
 * no traffic), stays alive (a restart would not help), and is ready again by itself once they answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = PlatformTestApplication.class,
        properties = {"fangpin.service=platform-test", "fangpin.publishing.enabled=false",
                "spring.datasource.hikari.connection-timeout=1000",
                "spring.datasource.hikari.validation-timeout=500"})
@WithRealInfrastructure
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadinessIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    KafkaBroker broker;
    @Autowired
    PostgresServer.TestDatabase database;

    @Test
    @Order(1)
    void aServiceWithoutItsDatabaseIsNotReadyButAliveAndRecoversByItself() {
        assertThat(status("/actuator/health/readiness")).isEqualTo(200);

        database.cut();
        try {
            await().atMost(PATIENCE).until(() -> status("/actuator/health/readiness") == 503);
            assertThat(status("/actuator/health/liveness")).isEqualTo(200);
        } finally {
            database.reopen();
        }

        await().atMost(PATIENCE).until(() -> status("/actuator/health/readiness") == 200);
    }

    @Test
    @Order(2)
    void aServiceWithoutKafkaIsNotReadyButAlive() {
        assertThat(status("/actuator/health/readiness")).isEqualTo(200);

        broker.close();

        await().atMost(PATIENCE).until(() -> status("/actuator/health/readiness") == 503);
        assertThat(status("/actuator/health/liveness")).isEqualTo(200);
    }

    private int status(String path) {
        return RestClient.create("http://127.0.0.1:" + port).get().uri(path)
                .exchange((request, response) -> response.getStatusCode().value(), false);
    }
}
