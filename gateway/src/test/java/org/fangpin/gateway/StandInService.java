package org.fangpin.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.sun.net.httpserver.HttpServer;

import org.fangpin.contracts.trust.GatewaySignature;

/**
 * A stand-in for a service behind the gateway: answers every request with what reached it (its name, the path,
 * the Authorization and X-Correlation-Id headers) as JSON, with its verdict on the gateway's signature as a
 * service would check it.
 */
final class StandInService implements AutoCloseable {

    private final HttpServer server;

    StandInService(String name, String gatewaySecret) {
        GatewaySignature gateway = new GatewaySignature(gatewaySecret);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String signature = gateway.verify(exchange.getRequestHeaders().getFirst(GatewaySignature.HEADER),
                    Instant.now(), exchange.getRequestMethod(), exchange.getRequestURI().toString(), authorization)
                    .name();
            String body = """
                    {"service":"%s","path":"%s","authorization":"%s","correlationId":"%s","signature":"%s"}"""
                    .formatted(name, exchange.getRequestURI().getPath(), authorization,
                            exchange.getRequestHeaders().getFirst("X-Correlation-Id"), signature);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
