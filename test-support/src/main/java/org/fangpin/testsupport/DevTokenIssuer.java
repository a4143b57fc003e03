package org.fangpin.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * A small OAuth2 token issuer for tests and the local stack: an RSA key made at start, its JWKS served over HTTP,
 * and RS256 access tokens for any user, role and region (claims {@code sub}, {@code name}, {@code roles},
 * {@code region}, audience {@code fangpin}). Production points the services at a real OIDC issuer instead.
 * <p>
 * Endpoints: {@code /.well-known/openid-configuration}, {@code /jwks.json} and
 * {@code GET /token?role=&region=&sub=&name=&department=} (the token as text).
 */
public final class DevTokenIssuer implements AutoCloseable {

    public static final String AUDIENCE = "fangpin";
    private static final Duration LIFETIME = Duration.ofHours(8);
    private static DevTokenIssuer shared;

    private final HttpServer server;
    private final RSAKey key;
    private final NimbusJwtEncoder encoder;
    private final String issuer;

    private DevTokenIssuer(int port) throws IOException {
        this.key = newKey();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/jwks.json", exchange ->
                respond(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/.well-known/openid-configuration", exchange ->
                respond(exchange, 200, "application/json",
                        "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks.json\","
                                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
        server.createContext("/token", this::issueFromQuery);
        server.start();
    }

    public static DevTokenIssuer start(int port) {
        try {
            return new DevTokenIssuer(port);
        } catch (IOException e) {
            throw new IllegalStateException("the token issuer cannot listen on port " + port, e);
        }
    }

    /** One issuer for every test of this JVM, on a free port. */
    public static synchronized DevTokenIssuer shared() {
        if (shared == null) {
            shared = start(0);
        }
        return shared;
    }

    public String issuer() {
        return issuer;
    }

    public String jwksUri() {
        return issuer + "/jwks.json";
    }

    /** A token for a demo user of the role, e.g. {@code demo-county_approver}. */
    public String token(String role, String region) {
        String subject = "demo-" + role.toLowerCase(Locale.ROOT);
        return token(subject, subject, List.of(role), region, LIFETIME);
    }

    /** A department officer's token: its {@code department} claim names the department whose data it may send. */
    public String departmentToken(String department, String region) {
        String subject = "demo-department_officer-" + department.toLowerCase(Locale.ROOT);
        return token(subject, subject, List.of("DEPARTMENT_OFFICER"), region, LIFETIME,
                Map.of("department", department));
    }

    public String token(String subject, String name, List<String> roles, String region, Duration lifetime) {
        return token(subject, name, roles, region, lifetime, Map.of());
    }

    private String token(String subject, String name, List<String> roles, String region, Duration lifetime,
                         Map<String, Object> extraClaims) {
        Instant now = Instant.now();
        Instant expires = now.plus(lifetime);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(AUDIENCE))
                .subject(subject)
                .id(UUID.randomUUID().toString())
                .issuedAt(expires.isBefore(now) ? expires.minusSeconds(60) : now)
                .expiresAt(expires)
                .claim("name", name)
                .claim("roles", roles)
                .claim("region", region)
                .claims(all -> all.putAll(extraClaims))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void issueFromQuery(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String role = query.get("role");
        String region = query.get("region");
        if (role == null || region == null) {
            respond(exchange, 400, "text/plain", "role and region are required\n");
            return;
        }
        String subject = query.getOrDefault("sub", "demo-" + role.toLowerCase(Locale.ROOT));
        String name = query.getOrDefault("name", subject);
        Map<String, Object> extraClaims = query.containsKey("department")
                ? Map.of("department", query.get("department")) : Map.of();
        respond(exchange, 200, "text/plain", token(subject, name, List.of(role), region, LIFETIME, extraClaims));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static RSAKey newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** Runs the issuer for the local stack: {@code DevTokenIssuer --port 9000}. */
    public static void main(String[] args) throws InterruptedException {
        int port = 9000;
        for (int i = 0; i < args.length - 1; i++) {
            if ("--port".equals(args[i])) {
                port = Integer.parseInt(args[i + 1]);
            }
        }
        DevTokenIssuer issuer = start(port);
        System.out.println("Dev token issuer " + issuer.issuer() + " (JWKS " + issuer.jwksUri() + ")");
        Thread.currentThread().join();
    }
}
