package org.fangpin.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local stack's Keycloak, asked as {@code deploy/local/token.sh} asks it: users with one role and a region
 * (created once through the admin API) and their tokens from the password grant of the local demo client
 * {@code fangpin-demo-cli}, which {@code deploy/local/up.sh} adds to the production realm.
 */
final class Keycloak {

    /** The demo password of deploy/local/keycloak-demo.sh, for this machine only. */
    static final String PASSWORD = "Fangpin-Demo-2026";
    private static final String CLIENT = "fangpin-demo-cli";

    private final String base;
    private final String adminPassword;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private String adminToken;
    private long adminTokenAt;

    Keycloak(String base, String adminPassword, HttpClient http) {
        this.base = base;
        this.adminPassword = adminPassword;
        this.http = http;
    }

    /** Creates the user unless it exists: one realm role, the region attribute and, if given, the department. */
    void ensureUser(String username, String name, String role, String region, String department) {
        String adminToken = adminToken();
        String users = base + "/admin/realms/fangpin/users";
        URI byName = URI.create(users + "?exact=true&username=" + encode(username));
        if (send(adminToken, HttpRequest.newBuilder(byName).GET()).size() == 0) {
            Map<String, Object> attributes = new LinkedHashMap<>(Map.of("region", List.of(region)));
            if (department != null) {
                attributes.put("department", List.of(department));
            }
            send(adminToken, HttpRequest.newBuilder(URI.create(users)).header("Content-Type", "application/json")
                    .POST(body(Map.of("username", username, "enabled", true, "firstName", name,
                            "email", username + "@fangpin.local", "emailVerified", true, "attributes", attributes,
                            "credentials", List.of(Map.of("type", "password", "value", PASSWORD,
                                    "temporary", false))))));
        }
        // the role every time: a user left without it by an interrupted run gets it now (granting twice is harmless)
        String id = send(adminToken, HttpRequest.newBuilder(byName).GET()).get(0).get("id").asText();
        JsonNode roleRepresentation = send(adminToken,
                HttpRequest.newBuilder(URI.create(base + "/admin/realms/fangpin/roles/" + role)).GET());
        send(adminToken, HttpRequest.newBuilder(URI.create(users + "/" + id + "/role-mappings/realm"))
                .header("Content-Type", "application/json").POST(body(List.of(roleRepresentation))));
    }

    /** The master realm's administrator's token lives 60 s: a new one every 30 s. */
    private synchronized String adminToken() {
        if (adminToken == null || System.nanoTime() - adminTokenAt > 30_000_000_000L) {
            adminToken = adminLogin();
            adminTokenAt = System.nanoTime();
        }
        return adminToken;
    }

    private String adminLogin() {
        return form(base + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", adminPassword));
    }

    String token(String username) {
        return form(base + "/realms/fangpin/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", CLIENT, "username", username, "password", PASSWORD));
    }

    private String form(String url, Map<String, String> fields) {
        String form = fields.entrySet().stream().map(field -> field.getKey() + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        JsonNode answer = send(null, HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (!answer.hasNonNull("access_token")) {
            throw new IllegalStateException("no token from " + url + ": " + answer);
        }
        return answer.get("access_token").asText();
    }

    private JsonNode send(String token, HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to "
                        + response.request().uri() + ": " + response.body());
            }
            return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak does not answer at " + base + " (is deploy/local/up.sh running?)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.BodyPublisher body(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
