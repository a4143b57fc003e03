package org.fangpin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.fangpin.testsupport.Infrastructure;
import org.fangpin.testsupport.RealInfrastructureExtension;

/**
 * The API documents as a client generator reads them: linted with the standard OpenAPI ruleset of Stoplight's spectral
 * ({@code spectral:oas}, installed by the build from package.json), which must find neither an error nor a warning.
 * And a fuzz pass generated from them: for every operation of
 * the four services' documents (read through the gateway), requests with each required query parameter left out,
 * each parameter given values of the wrong type, out of range or outside its pattern, path parameters that are not
 * ids, and bodies that are empty, of the wrong shape or cut off. Whatever the request, the answer is a 4xx
 * problem+json, never a 5xx.
 */
@ExtendWith(RealInfrastructureExtension.class)
class ApiDocumentsIT {

    private static final List<String> DOCUMENTS = List.of("identification", "monitoring", "assistance", "timeline");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Infrastructure infrastructure;
    private static RunningSystem system;

    @BeforeAll
    static void start(Infrastructure given) {
        infrastructure = given;
        system = RunningSystem.start(infrastructure, infrastructure.tokens().issuer(),
                infrastructure.tokens().jwksUri(), "api-documents").awaitHealthy();
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theDocumentsLintCleanUnderTheStandardOpenApiRuleset() throws Exception {
        Path output = Files.createDirectories(Path.of(System.getProperty("fangpin.api-docs.output")));
        Path lint = Path.of(System.getProperty("fangpin.api-lint.dir"));
        List<String> command = new ArrayList<>(List.of(lint.resolve("node_modules/.bin/spectral").toString(), "lint",
                "--ruleset", lint.resolve(".spectral.yaml").toString(), "--fail-severity=warn"));
        for (String service : DOCUMENTS) {
            Path document = output.resolve(service + ".json");
            Files.writeString(document, send("GET", "/v3/api-docs/" + service, null, null).body());
            command.add(document.toString());
        }
        Process spectral = new ProcessBuilder(command).directory(lint.toFile()).redirectErrorStream(true).start();
        String findings = new String(spectral.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(spectral.waitFor(2, TimeUnit.MINUTES)).as("spectral finished").isTrue();
        System.out.println(findings);

        assertThat(spectral.exitValue()).as("spectral:oas findings (errors and warnings)%n%s", findings).isZero();
    }

    @Test
    void noMalformedRequestGeneratedFromTheDocumentsGetsA5xx() throws Exception {
        List<String> serverErrors = new ArrayList<>();
        int sent = 0;
        int limited = 0;
        for (String service : DOCUMENTS) {
            JsonNode document = JSON.readTree(send("GET", "/v3/api-docs/" + service, null, null).body());
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
                     operations.hasNext(); ) {
                    Map.Entry<String, JsonNode> operation = operations.next();
                    for (Malformed request : malformed(path.getKey(), operation.getKey().toUpperCase(),
                            operation.getValue())) {
                        sent++;
                        HttpResponse<String> response = send(request.method(), request.uri(), request.body(),
                                token(request.uri(), sent));
                        limited += response.statusCode() == 429 ? 1 : 0;
                        if (response.statusCode() >= 500) {
                            serverErrors.add(request.method() + " " + request.uri() + " → " + response.statusCode()
                                    + " " + response.body());
                        }
                    }
                }
            }
        }

        assertThat(sent).as("requests generated from the documents").isGreaterThan(200);
        assertThat(limited).as("requests refused by the rate limit before they reached a service")
                .isLessThan(sent / 20);
        assertThat(serverErrors).as("5xx answers to malformed requests").isEmpty();
    }

    /** Malformed variants of one operation: a required parameter missing, each parameter wrong, bodies wrong. */
    private static List<Malformed> malformed(String template, String method, JsonNode operation) {
        Map<String, String> valid = new LinkedHashMap<>();
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (!"query".equals(parameter.path("in").asText()) && !"path".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.path("name").asText();
            valid.put(name, plausible(name, parameter.path("schema")));
            wrong.put(name, wrongValues(parameter.path("schema")));
            if (parameter.path("required").asBoolean() && "query".equals(parameter.path("in").asText())) {
                required.add(name);
            }
        }
        List<Malformed> requests = new ArrayList<>();
        for (String missing : required) {
            Map<String, String> values = new LinkedHashMap<>(valid);
            values.remove(missing);
            requests.add(new Malformed(method, uri(template, values, operation), "{}"));
        }
        wrong.forEach((name, values) -> values.forEach(value -> {
            Map<String, String> with = new LinkedHashMap<>(valid);
            with.put(name, value);
            requests.add(new Malformed(method, uri(template, with, operation), "{}"));
        }));
        if (operation.has("requestBody")) {
            String uri = uri(template, valid, operation);
            for (String body : List.of("", "[]", "{\"x\":", "{\"month\":\"2024-13\",\"perCapitaNetIncome\":\"abc\"}",
                    "null")) {
                requests.add(new Malformed(method, uri, body));
            }
        }
        return requests;
    }

    private static String uri(String template, Map<String, String> values, JsonNode operation) {
        String path = template;
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asText();
            if (!values.containsKey(name)) {
                continue;
            }
            String value = URLEncoder.encode(values.get(name), StandardCharsets.UTF_8);
            if ("path".equals(parameter.path("in").asText())) {
                path = path.replace("{" + name + "}", value.isEmpty() ? "x" : value);
            } else if ("query".equals(parameter.path("in").asText())) {
                query.add(name + "=" + value);
            }
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    /** A value of the parameter's type within its bounds, so that only the one parameter varied is wrong. */
    private static String plausible(String name, JsonNode schema) {
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asText();
        }
        return switch (schema.path("type").asText()) {
            case "integer", "number" -> schema.has("minimum") ? schema.path("minimum").asText() : "1";
            case "boolean" -> "true";
            default -> switch (schema.path("format").asText()) {
                case "date" -> "2024-06-01";
                case "date-time" -> "2024-06-01T08:00:00+08:00";
                case "uuid" -> "6f1c3a52-2a4f-4d0e-9d7e-0d6c1b1f2a11";
                default -> name.toLowerCase().contains("region") || name.equals("village") ? "150724213201"
                        : name.equals("month") ? "2024-06" : name.equals("year") ? "2024" : "x";
            };
        };
    }

    private static List<String> wrongValues(JsonNode schema) {
        List<String> values = new ArrayList<>(List.of("", "%%%", "-1", "abc", "99999999999999999999",
                "'; DROP TABLE x; --", "________"));
        if (schema.has("maximum")) {
            values.add(String.valueOf(schema.path("maximum").asLong() + 1));
        }
        if (schema.has("minimum")) {
            values.add(String.valueOf(schema.path("minimum").asLong() - 1));
        }
        if ("date".equals(schema.path("format").asText())) {
            values.add("2024-02-30");
        }
        return values;
    }

    /**
     * The caller the documents' paths are meant for: a national administrator for operations, else the county; one of
     * many users, so that the gateway's per-user rate limit lets the pass through.
     */
    private static String token(String uri, int request) {
        String user = "fuzz-" + request % 50;
        return uri.startsWith("/api/admin/")
                ? infrastructure.tokens().token(user, user, List.of("ADMIN"), "00", Duration.ofMinutes(30))
                : infrastructure.tokens().token(user, user, List.of("COUNTY_APPROVER"), "150724",
                        Duration.ofMinutes(30));
    }

    private static HttpResponse<String> send(String method, String uri, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.gateway().baseUrl() + uri))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Malformed(String method, String uri, String body) {

        @Override
        public String toString() {
            return method + " " + uri;
        }
    }
}
