package org.fangpin.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The real identity provider of the local stack, for the tests that must see its tokens: Keycloak from the Maven
 * artifact {@code org.keycloak:keycloak-quarkus-dist} (unpacked by this module's build), started with a JDK 21+ on
 * a free port with an in-memory database and the production realm of {@code deploy/keycloak/}, to which it adds,
 * as {@code deploy/local/up.sh} does, a demo client allowing the password grant, derived from the production client
 * {@code fangpin-web} so that its tokens carry the same claims. Users are created through the admin API and tokens
 * come from that demo client, as {@code deploy/local/token.sh} does.
 */
final class Keycloak implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);
    /** Meets the realm's password policy. */
    static final String PASSWORD = "Fangpin-Test-2026";
    private static final String DEMO_CLIENT = "fangpin-demo-cli";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final Path log;
    private final String adminPassword = UUID.randomUUID().toString();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private Keycloak(Path home, Path realm, Path logs) {
        this.port = freePort();
        this.log = logs.resolve("keycloak.log");
        try {
            Files.createDirectories(logs);
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host", "127.0.0.1", "--http-port", String.valueOf(port), "--import-realm",
                    "--db", "dev-mem")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(Map.of("JAVA_HOME", javaHome().toString(),
                    "KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword,
                    "FANGPIN_CONSOLE_URL", "http://127.0.0.1",
                    "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                    // a test issues few tokens: start fast (C1 only) rather than run fast
                    "JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1"));
            this.process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak from " + home, e);
        }
    }

    /**
     * Starts Keycloak from the build's unpacked distribution ({@code fangpin.keycloak.home}) with the realm
     * {@code fangpin.keycloak.realm}; returns at once, {@link #awaitReady()} before use.
     */
    static Keycloak start(Path logs) {
        return new Keycloak(Path.of(System.getProperty("fangpin.keycloak.home")),
                Path.of(System.getProperty("fangpin.keycloak.realm")), logs);
    }

    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/fangpin";
    }

    String jwksUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    Keycloak awaitReady() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (HTTP.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    addDemoClient();
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            pause();
        }
        throw new IllegalStateException("Keycloak was not ready within " + STARTUP_TIMEOUT + ":\n" + logTail());
    }

    /** Creates a realm user with one role, the region attribute and, for a department officer, its department. */
    void createUser(String username, String name, String role, String region, String department) {
        String admin = adminToken();
        Map<String, List<String>> attributes = department == null ? Map.of("region", List.of(region))
                : Map.of("region", List.of(region), "department", List.of(department));
        Map<String, Object> user = Map.of("username", username, "enabled", true, "firstName", name,
                "email", username + "@fangpin.test", "emailVerified", true, "attributes", attributes,
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        String users = issuerAdmin() + "/users";
        expect(201, send(admin, HttpRequest.newBuilder(URI.create(users))
                .header("Content-Type", "application/json").POST(body(user))), "create user " + username);
        String id = read(send(admin, HttpRequest.newBuilder(URI.create(users + "?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8))).GET())).get(0).get("id").asText();
        JsonNode roleRepresentation = read(send(admin,
                HttpRequest.newBuilder(URI.create(issuerAdmin() + "/roles/" + role)).GET()));
        expect(204, send(admin, HttpRequest.newBuilder(URI.create(users + "/" + id + "/role-mappings/realm"))
                        .header("Content-Type", "application/json").POST(body(List.of(roleRepresentation)))),
                "give " + username + " role " + role);
    }

    /**
     * Lets the browser come back to a console served at {@code origin} after signing in at client {@code fangpin-web}
     * (redirect URI {@code origin/*}, and the origin allowed to call the token endpoint).
     */
    void allowConsoleAt(String origin) {
        String admin = adminToken();
        String clients = issuerAdmin() + "/clients";
        ObjectNode client = (ObjectNode) read(send(admin,
                HttpRequest.newBuilder(URI.create(clients + "?clientId=fangpin-web")).GET())).get(0);
        client.withArrayProperty("redirectUris").add(origin + "/*");
        client.withArrayProperty("webOrigins").add(origin);
        client.withObjectProperty("attributes").put("post.logout.redirect.uris", "+");
        expect(204, send(admin, HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asText()))
                .header("Content-Type", "application/json").PUT(body(client))), "register the console at " + origin);
    }

    /** The demo client of the local stack: the production client's claims, with the password grant only. */
    private void addDemoClient() {
        String admin = adminToken();
        ObjectNode client = (ObjectNode) read(send(admin, HttpRequest.newBuilder(URI.create(issuerAdmin()
                + "/clients?clientId=fangpin-web")).GET())).get(0);
        client.remove(List.of("id", "secret", "registrationAccessToken"));
        client.withArray("protocolMappers").forEach(mapper -> ((ObjectNode) mapper).remove("id"));
        client.put("clientId", DEMO_CLIENT).put("standardFlowEnabled", false).put("directAccessGrantsEnabled", true);
        client.putArray("redirectUris");
        client.putArray("webOrigins");
        expect(201, send(admin, HttpRequest.newBuilder(URI.create(issuerAdmin() + "/clients"))
                .header("Content-Type", "application/json").POST(body(client))), "create client " + DEMO_CLIENT);
    }

    /**
     * A client whose tokens carry the given region instead of the user's attribute, for probing what a service does
     * with a region the realm's user profile would never let an administrator set.
     *
     * @return the client's id
     */
    String clientWithRegionClaim(String region) {
        String admin = adminToken();
        ObjectNode client = (ObjectNode) read(send(admin, HttpRequest.newBuilder(URI.create(issuerAdmin()
                + "/clients?clientId=" + DEMO_CLIENT)).GET())).get(0);
        String clientId = "probe-region-" + UUID.randomUUID();
        client.remove(List.of("id", "secret", "registrationAccessToken"));
        client.put("clientId", clientId);
        var mappers = client.withArray("protocolMappers");
        for (int i = mappers.size() - 1; i >= 0; i--) {
            ObjectNode mapper = (ObjectNode) mappers.get(i);
            mapper.remove("id");
            if ("region".equals(mapper.path("config").path("claim.name").asText())) {
                mappers.remove(i);
            }
        }
        mappers.addObject().put("name", "region as probed").put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-hardcoded-claim-mapper").putObject("config")
                .put("claim.name", "region").put("claim.value", region).put("jsonType.label", "String")
                .put("access.token.claim", "true");
        expect(201, send(admin, HttpRequest.newBuilder(URI.create(issuerAdmin() + "/clients"))
                .header("Content-Type", "application/json").POST(body(client))), "create client " + clientId);
        return clientId;
    }

    /** The user's access token from the password grant of the given client, not kept. */
    String token(String username, String clientId) {
        return read(form(issuer() + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", clientId, "username", username, "password", PASSWORD))).get("access_token").asText();
    }

    /** The user's access token from the password grant, fetched once. */
    String token(String username) {
        return tokens.computeIfAbsent(username, user -> read(form(issuer() + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", DEMO_CLIENT, "username", user,
                        "password", PASSWORD))).get("access_token").asText());
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                all.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            all.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private String adminToken() {
        return read(form("http://127.0.0.1:" + port + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", adminPassword))).get("access_token").asText();
    }

    private String issuerAdmin() {
        return "http://127.0.0.1:" + port + "/admin/realms/fangpin";
    }

    private HttpResponse<String> form(String url, Map<String, String> fields) {
        String encoded = fields.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> response = send(null, HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)));
        return expect(200, response, "token from " + url);
    }

    private HttpResponse<String> send(String bearer, HttpRequest.Builder request) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Keycloak refused to " + what + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response;
    }

    private JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.BodyPublisher body(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logTail() {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log)";
        }
    }

    /** {@code fangpin.keycloak.java-home}, else the newest JDK 21+ under /usr/lib/jvm (Keycloak 26 needs 21). */
    private static Path javaHome() {
        return Optional.ofNullable(System.getProperty("fangpin.keycloak.java-home")).filter(home -> !home.isBlank())
                .map(Path::of)
                .or(() -> {
                    try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
                        return jdks.filter(jdk -> featureVersion(jdk) >= 21)
                                .max((a, b) -> Integer.compare(featureVersion(a), featureVersion(b)));
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                })
                .orElseThrow(() -> new IllegalStateException("Keycloak needs a JDK 21 or newer: set "
                        + "-Dfangpin.keycloak.java-home (none found under /usr/lib/jvm)"));
    }

    /** The JDK's feature version from its {@code release} file, 0 if it has none. */
    private static int featureVersion(Path jdk) {
        try (Stream<String> lines = Files.lines(jdk.resolve("release"))) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION=")).findFirst()
                    .map(line -> Integer.parseInt(line.replaceAll("JAVA_VERSION=\"(\\d+).*", "$1")))
                    .orElse(0);
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
