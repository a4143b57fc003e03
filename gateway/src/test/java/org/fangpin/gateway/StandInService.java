package org.fangpin.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import org.fangpin.contracts.trust.GatewaySignature;

/**
 * A stand-in for a service behind the gateway: answers every request with what reached it (its name, the path,
 * the Authorization and X-Correlation-Id headers, the body's length) as JSON, with its verdict on the gateway's
 * signature as a service would check it — over the body it received, and a write's request id once. A path
 * containing {@code /slow} answers only after five seconds, one containing {@code /busy} after one.
 */
final class StandInService implements AutoCloseable {

    private final HttpServer server;
    private final Set<String> seenRequestIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger received = new AtomicInteger();

    StandInService(String name, String gatewaySecret) {
        this(name, gatewaySecret, null);
    }

    /** A stand-in that serves HTTPS with the given server context; plain HTTP when it is null. */
    StandInService(String name, String gatewaySecret, SSLContext tls) {
        GatewaySignature gateway = new GatewaySignature(gatewaySecret);
        try {
            if (tls == null) {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } else {
                HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            this.received.incrementAndGet();
            if (exchange.getRequestURI().getPath().contains("/slow")) {
                pause(5_000);
            } else if (exchange.getRequestURI().getPath().contains("/busy")) {
                pause(1_000);
            }
            byte[] received = exchange.getRequestBody().readAllBytes();
            String header = exchange.getRequestHeaders().getFirst(GatewaySignature.HEADER);
            boolean streamed = GatewaySignature.parse(header).map(GatewaySignature.Received::streamed).orElse(false);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            GatewaySignature.Verdict verdict = gateway.verify(header, Instant.now(), exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(), authorization,
                    streamed ? GatewaySignature.UNSIGNED_PAYLOAD : GatewaySignature.digest(received));
            if (verdict == GatewaySignature.Verdict.VALID && !"GET".equals(exchange.getRequestMethod())
                    && !seenRequestIds.add(GatewaySignature.parse(header).orElseThrow().requestId())) {
                verdict = GatewaySignature.Verdict.REPLAYED;
            }
            String body = """
                    {"service":"%s","path":"%s","authorization":"%s","correlationId":"%s","signature":"%s",\
                    "streamed":%s,"bodyBytes":%d,"tls":%s}"""
                    .formatted(name, exchange.getRequestURI().getPath(), authorization,
                            exchange.getRequestHeaders().getFirst("X-Correlation-Id"), verdict, streamed,
                            received.length, tls != null);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        // a slow answer must not hold up the others
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many requests reached this service. */
    int received() {
        return received.get();
    }

    String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
