package org.fangpin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.PostgresServer;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * A write that meets a database away for a moment (a restart, a failover) is answered 503 with Retry-After, not
 * 500, changes nothing, and the client's retry with the same Idempotency-Key succeeds once the database is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = PlatformTestApplication.class,
        properties = {"fangpin.service=platform-test", "fangpin.publishing.enabled=false",
                "spring.datasource.hikari.connection-timeout=1000"})
@WithRealInfrastructure
class DatabaseOutageIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    DevTokenIssuer tokens;
    @Autowired
    PostgresServer.TestDatabase database;
    @Autowired
    JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aWriteDuringADatabaseOutageIsUnavailableNotBrokenAndItsRetrySucceeds() throws Exception {
        String token = tokens.token("VILLAGE_OFFICER", "150724213201");

        database.cut();
        HttpResponse<String> duringOutage;
        HttpResponse<String> withoutKey;
        try {
            duringOutage = note(token, "visit-1207-001", "note-1");
            withoutKey = note(token, null, "note-2");
        } finally {
            database.reopen();
        }
        // as a client does on 503: again after a while, with the same key, until it goes through
        int retried = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> note(token, "visit-1207-001", "note-1").statusCode(), status -> status != 503);

        for (HttpResponse<String> refused : new HttpResponse[] {duringOutage, withoutKey}) {
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("5");
            assertThat(json.readTree(refused.body()).get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        }
        assertThat(retried).isEqualTo(201);
        assertThat(jdbc.sql("SELECT event_id FROM processed_event WHERE consumer = 'notes'").query(String.class)
                .list()).containsExactly("note-1");
    }

    private HttpResponse<String> note(String token, String idempotencyKey, String id) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/notes"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\"}"));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
