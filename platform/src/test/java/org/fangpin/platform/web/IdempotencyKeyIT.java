package org.fangpin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.WithRealInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = PlatformTestApplication.class,
        properties = {"fangpin.service=platform-test", "fangpin.publishing.enabled=false"})
@WithRealInfrastructure
class IdempotencyKeyIT {

    @LocalServerPort
    int port;
    @Autowired
    DevTokenIssuer tokens;
    @Autowired
    PlatformTestApplication.Registrations registrations;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRetriedWriteGetsTheFirstAnswerAgainWithoutASecondEffect() {
        String token = tokens.token("VILLAGE_OFFICER", "150724213201");

        var first = post(token, "visit-0612-001", Map.of("name", "敖日格乐"));
        var retry = post(token, "visit-0612-001", Map.of("name", "敖日格乐"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.replayed()).isTrue();
        assertThat(registrations.count("敖日格乐")).isEqualTo(1);
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() {
        String token = tokens.token("VILLAGE_OFFICER", "150724213201");
        post(token, "visit-0612-002", Map.of("name", "巴特尔"));

        var reused = post(token, "visit-0612-002", Map.of("name", "其其格"));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(registrations.count("其其格")).isZero();
    }

    @Test
    void keysAreKeptPerUser() {
        post(tokens.token("VILLAGE_OFFICER", "150724213201"), "visit-0612-003", Map.of("name", "娜仁"));

        var otherUser = post(tokens.token("TOWNSHIP_REVIEWER", "150724213"), "visit-0612-003", Map.of("name", "娜仁"));

        assertThat(otherUser.replayed()).isFalse();
        assertThat(registrations.count("娜仁")).isEqualTo(2);
    }

    private Reply post(String token, String key, Map<String, String> body) {
        return RestClient.create("http://127.0.0.1:" + port).post().uri("/registrations")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(IdempotencyKeyFilter.HEADER, key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> new Reply(response.getStatusCode().value(),
                        json.readTree(response.getBody()),
                        "true".equals(response.getHeaders().getFirst("Idempotent-Replayed"))), false);
    }

    record Reply(int status, JsonNode body, boolean replayed) {
    }
}
