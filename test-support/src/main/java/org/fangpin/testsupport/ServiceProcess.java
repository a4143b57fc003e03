package org.fangpin.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Fangpin service run as its own JVM from its executable jar, as in production: for end-to-end tests and
 * benchmarks. Its output goes to a log file, which tests may read.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final ProcessBuilder command;
    private final Path log;
    private volatile Process process;

    private ServiceProcess(String name, int port, ProcessBuilder command, Path log) {
        this.name = name;
        this.port = port;
        this.command = command;
        this.log = log;
    }

    /** JVM options for tests: a small heap and quick start-up rather than peak speed. */
    public static final List<String> TEST_JVM = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /**
     * Starts {@code java -jar jar} on a free port ({@code SERVER_PORT}, unless the environment names one) with the
     * given environment and the {@link #TEST_JVM} options; returns at once. Call {@link #awaitHealthy()} before
     * sending requests.
     */
    public static ServiceProcess start(String name, Path jar, Map<String, String> environment, Path logDirectory) {
        return start(name, jar, environment, logDirectory, TEST_JVM);
    }

    /** As {@link #start(String, Path, Map, Path)}, with other JVM options, e.g. those of a deployment. */
    public static ServiceProcess start(String name, Path jar, Map<String, String> environment, Path logDirectory,
                                       List<String> jvmOptions) {
        int port = environment.containsKey("SERVER_PORT") ? Integer.parseInt(environment.get("SERVER_PORT"))
                : freePort();
        Path log = logDirectory.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(logDirectory);
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the log of " + name, e);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        ServiceProcess service = new ServiceProcess(name, port, builder, log);
        service.launch();
        // a test JVM stopped before it could close the service (Ctrl-C, a killed build) takes it along
        Runtime.getRuntime().addShutdownHook(new Thread(service::destroyNow, "stop-" + name));
        return service;
    }

    private synchronized void launch() {
        try {
            process = command.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " with " + command.command(), e);
        }
    }

    private synchronized void destroyNow() {
        process.destroy();
    }

    /** A crash: SIGKILL, nothing flushed, no shutdown hook run. */
    public synchronized void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the service again on its port, its log continued; {@link #awaitHealthy()} before use. */
    public ServiceProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
        return this;
    }

    public String name() {
        return name;
    }

    /** The operating system's id of the running process (for {@code jcmd}). */
    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** Waits until {@code /actuator/health} reports UP; fails with the log's tail if the process dies or stalls. */
    public ServiceProcess awaitHealthy() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> response = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep();
        }
        throw new IllegalStateException(name + " did not become healthy within " + STARTUP_TIMEOUT + ":\n"
                + logTail());
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the service gracefully (SIGTERM), forcibly after 20 s. */
    @Override
    public synchronized void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** A port free now, for a process whose address others must know before it starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
