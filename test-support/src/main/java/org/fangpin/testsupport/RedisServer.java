package org.fangpin.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis for tests: the machine's {@code redis-server} ({@code FANGPIN_REDIS_SERVER}, else
 * {@code /usr/bin/redis-server}, else the one on the PATH; Debian's package redis-server) started on a free port of
 * 127.0.0.1, in memory only, for as long as the test needs it.
 */
public final class RedisServer implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

    private final int port;
    private final Process process;

    private RedisServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    public static RedisServer start() {
        int port = ServiceProcess.freePort();
        List<String> command = List.of(binary(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        RedisServer redis = new RedisServer(port, process);
        // a test JVM stopped before it could close the server takes it along
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-redis-" + port));
        redis.awaitPong();
        return redis;
    }

    /** The address in Spring's form ({@code spring.data.redis.url}, {@code FANGPIN_REDIS_URL}). */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitPong() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue() + " on port "
                        + port);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                OutputStream out = socket.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] reply = in.readNBytes(7);
                if (new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for redis-server", e);
            }
        }
        close();
        throw new IllegalStateException("redis-server did not answer on port " + port + " within " + STARTUP_TIMEOUT);
    }

    private static String binary() {
        String configured = System.getenv("FANGPIN_REDIS_SERVER");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path debian = Path.of("/usr/bin/redis-server");
        if (Files.isExecutable(debian)) {
            return debian.toString();
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(directory, "redis-server");
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("""
                The tests need a real Redis and no redis-server was found (FANGPIN_REDIS_SERVER, \
                /usr/bin/redis-server, the PATH): apt-get install redis-server.""");
    }
}
