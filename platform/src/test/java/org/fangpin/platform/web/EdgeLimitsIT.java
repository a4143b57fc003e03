package org.fangpin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * The HTTP edge refuses early: a role that may not call an endpoint learns so before its body is read or validated
 * (and nothing is kept for its Idempotency-Key), and no body beyond its path's limit is read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = PlatformTestApplication.class,
        properties = {"fangpin.service=platform-test", "fangpin.publishing.enabled=false",
                "fangpin.web.max-request-body=64KB",
                "fangpin.web.large-request-bodies[0].path=/uploads",
                "fangpin.web.large-request-bodies[0].max-size=1MB"})
@WithRealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class EdgeLimitsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    DevTokenIssuer tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTestApplication.Registrations registrations;
    @Autowired
    PlatformTestApplication.Exports exports;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aReadOnlyRoleIsRefusedAsSuchBeforeItsBodyIsValidated() {
        Reply reply = send("/decisions", tokens.token("SUPERVISOR", "150724"), "{}", null);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("READ_ONLY_ROLE");
    }

    @Test
    void aRoleTheEndpointDoesNotAdmitIsRefusedBeforeItsBodyIsValidated() {
        Reply reply = send("/decisions", tokens.token("VILLAGE_OFFICER", "150724213201"), "{\"opinion\":\"\"}", null);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void theRoleTheEndpointAdmitsGetsItsBodyValidated() {
        Reply reply = send("/decisions", tokens.token("COUNTY_APPROVER", "150724"), "{\"opinion\":\"\"}", null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void nothingIsKeptForTheIdempotencyKeyOfARefusedRequest() {
        String supervisor = "u-supervisor-" + System.nanoTime();
        String token = tokens.token(supervisor, supervisor, List.of("SUPERVISOR"), "150724",
                Duration.ofMinutes(5));

        Reply reply = send("/decisions", token, "{\"opinion\":\"同意\"}", "decision-0001");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM idempotent_request WHERE actor_id = ?").param(supervisor)
                .query(Integer.class).single()).isZero();
        assertThat(registrations.count("同意")).isZero();
    }

    @Test
    void aBodyAnnouncedBeyondThePathsLimitIsRefusedUnread() {
        Reply reply = send("/registrations", tokens.token("VILLAGE_OFFICER", "150724213201"),
                "{\"name\":\"" + "敖".repeat(30_000) + "\"}", null);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo("REQUEST_TOO_LARGE");
    }

    @Test
    void aChunkedBodyIsCutAtThePathsLimit() {
        byte[] body = ("{\"name\":\"" + "x".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        Reply reply = sendChunked("/registrations", tokens.token("VILLAGE_OFFICER", "150724213201"), body);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo("REQUEST_TOO_LARGE");
    }

    @Test
    void aPathThatTakesFilesHasItsOwnLargerLimit() {
        String token = tokens.token("COUNTY_APPROVER", "150724");
        byte[] file = new byte[512 * 1024];
        Arrays.fill(file, (byte) 'a');

        assertThat(sendChunked("/uploads", token, file).status()).isEqualTo(200);
        assertThat(sendChunked("/uploads", token, new byte[2 * 1024 * 1024]).status()).isEqualTo(413);
    }

    @Test
    void timesAreAnsweredWithTheCountysOffset() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/recorded")).header("Authorization", "Bearer " + tokens.token("SUPERVISOR", "150724"))
                .build(), HttpResponse.BodyHandlers.ofString());

        JsonNode body = json.readTree(response.body());
        assertThat(body.get("recordedAt").asText()).isEqualTo("2026-03-05T09:30:00+08:00");
        assertThat(body.get("decidedAt").asText()).isEqualTo("2026-03-05T09:30:00+08:00");
    }

    @Test
    void aParameterOutOfRangeOrMissingIsA400NamingItNotA500() throws IOException, InterruptedException {
        String token = tokens.token("SUPERVISOR", "150724");

        JsonNode outOfRange = getJson("/pages?limit=0&village=150724213201", token);
        JsonNode missing = getJson("/pages?limit=10", token);

        assertThat(outOfRange.get("status").asInt()).isEqualTo(400);
        assertThat(outOfRange.get("errors").get(0).get("field").asText()).isEqualTo("limit");
        assertThat(missing.get("status").asInt()).isEqualTo(400);
        assertThat(missing.get("code").asText()).isEqualTo("PARAMETER_MISSING");
        assertThat(missing.get("detail").asText()).contains("village");
    }

    private JsonNode getJson(String path, String token) throws IOException, InterruptedException {
        return json.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** A broken pipe is the reader's doing: nothing an operator must act on, so no ERROR line. */
    @Test
    void aReaderWhoLeavesMidAnswerLeavesNoErrorInTheLog(CapturedOutput log) throws IOException {
        try (Socket reader = new Socket("127.0.0.1", port)) {
            reader.getOutputStream().write(("GET /exports HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + tokens.token("COUNTY_APPROVER", "150724") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(reader.getInputStream().readNBytes(64), StandardCharsets.US_ASCII))
                    .startsWith("HTTP/1.1 200");
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> exports.abandoned() == 1);
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        assertThat(log.getAll()).doesNotContain("Unexpected failure").doesNotContain(" ERROR ");
    }

    private Reply send(String path, String token, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return exchange(request.build());
    }

    /** A body of unknown length (no Content-Length), as a streaming client sends it. */
    private Reply sendChunked(String path, String token, byte[] body) {
        return exchange(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());
    }

    private Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
            return new Reply(response.statusCode(), body.path("code").asText(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Reply(int status, String code) {
    }
}
