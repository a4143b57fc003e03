package org.fangpin.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.postgresql.Driver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.web.client.RestClient;

import org.fangpin.testsupport.GatewayTrust;
import org.fangpin.testsupport.Infrastructure;
import org.fangpin.testsupport.OtlpCollector;
import org.fangpin.testsupport.PostgresServer.TestDatabase;
import org.fangpin.testsupport.ServiceProcess;

/**
 * Fangpin as it runs in production: the four services and the gateway (one or more replicas each), each its own
 * process from its executable jar, on fresh databases, the test's Kafka broker and, for the gateways' shared rate
 * limit, the test's Redis, trusting one token issuer and sharing a fresh gateway secret.
 * Each process logs to {@code <fangpin.logs>/<logs>/<process>.log}.
 */
final class RunningSystem implements AutoCloseable {

    static final List<String> SERVICES = List.of("identification", "monitoring", "assistance", "timeline");
    /** The key imported households' ids are derived with, the same in every service. */
    static final String IMPORT_KEY = "an-import-key-of-the-end-to-end-tests";

    private final Map<String, List<ServiceProcess>> services = new LinkedHashMap<>();
    private final Map<String, TestDatabase> databases = new HashMap<>();
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final List<ServiceProcess> gateways = new ArrayList<>();
    /** The further replicas, started once the first of every process is healthy ({@link #awaitHealthy()}). */
    private final List<Runnable> startLater = new ArrayList<>();

    private RunningSystem(Infrastructure infrastructure, String issuer, String jwksUri, String logs, int replicas,
                          int gatewayReplicas, Map<String, String> settings) {
        Path apps = Path.of(System.getProperty("fangpin.apps", "target/apps"));
        Path logDirectory = logsRoot().resolve(logs);
        // the first gateway's address is known before it starts: timeline-service reads the sources' chains through it
        int gatewayPort = ServiceProcess.freePort();
        Map<String, String> common = new HashMap<>(settings);
        common.putAll(Map.of(
                "FANGPIN_KAFKA", infrastructure.kafka().bootstrapServers(),
                "FANGPIN_ISSUER", issuer,
                "FANGPIN_JWKS_URI", jwksUri,
                GatewayTrust.ENVIRONMENT_VARIABLE, GatewayTrust.withNewSecret().secret(),
                "FANGPIN_IMPORT_KEY", IMPORT_KEY,
                "FANGPIN_GATEWAY_URL", "http://127.0.0.1:" + gatewayPort));
        Map<String, String> routes = new HashMap<>();
        for (String service : SERVICES) {
            TestDatabase database = infrastructure.database(service);
            databases.put(service, database);
            Map<String, String> environment = new HashMap<>(common);
            environment.put("FANGPIN_DB_URL", database.jdbcUrl());
            // each service signs in to Kafka as itself, limited by its ACLs, on a secured broker
            environment.putAll(infrastructure.kafka().credentialsOf(service));
            List<ServiceProcess> started = new ArrayList<>();
            services.put(service, started);
            List<String> addresses = new ArrayList<>();
            for (int replica = 1; replica <= replicas; replica++) {
                String name = service + "-service" + (replicas > 1 ? "-" + replica : "");
                Map<String, String> replicaEnvironment = new HashMap<>(environment);
                int port = ServiceProcess.freePort();
                replicaEnvironment.put("SERVER_PORT", String.valueOf(port));
                addresses.add("http://127.0.0.1:" + port);
                launch(replica, started, () -> ServiceProcess.start(name, apps.resolve(service + "-service.jar"),
                        replicaEnvironment, logDirectory));
            }
            // the gateway balances each service's replicas (comma-separated addresses)
            routes.put("FANGPIN_" + service.toUpperCase() + "_URL", String.join(",", addresses));
        }
        for (int replica = 1; replica <= gatewayReplicas; replica++) {
            Map<String, String> gatewayEnvironment = new HashMap<>(common);
            gatewayEnvironment.putAll(routes);
            gatewayEnvironment.put("FANGPIN_REDIS_URL", infrastructure.redis().url());
            gatewayEnvironment.put("SERVER_PORT",
                    String.valueOf(replica == 1 ? gatewayPort : ServiceProcess.freePort()));
            String name = "gateway" + (gatewayReplicas > 1 ? "-" + replica : "");
            launch(replica, gateways, () -> ServiceProcess.start(name, apps.resolve("gateway.jar"),
                    gatewayEnvironment, logDirectory));
        }
    }

    /** Starts a first replica now, a further one after the first of every process is healthy. */
    private void launch(int replica, List<ServiceProcess> replicas, Supplier<ServiceProcess> start) {
        Runnable launch = () -> {
            ServiceProcess started = start.get();
            replicas.add(started);
            processes.add(started);
        };
        if (replica == 1) {
            launch.run();
        } else {
            startLater.add(launch);
        }
    }

    /** Where the end-to-end tests' processes log, each test class in its own directory. */
    static Path logsRoot() {
        return Path.of(System.getProperty("fangpin.logs", "target/e2e-logs"));
    }

    /** Starts every process (further replicas: see {@link #awaitHealthy()}); returns at once. */
    static RunningSystem start(Infrastructure infrastructure, String issuer, String jwksUri, String logs) {
        return new RunningSystem(infrastructure, issuer, jwksUri, logs, 1, 1, Map.of());
    }

    /**
     * As {@link #start(Infrastructure, String, String, String)}, every process exporting its spans to the collector
     * (each second, so that a test need not wait for the default five).
     */
    static RunningSystem startTraced(Infrastructure infrastructure, String issuer, String jwksUri, String logs,
                                     OtlpCollector collector) {
        return new RunningSystem(infrastructure, issuer, jwksUri, logs, 1, 1, Map.of(
                "MANAGEMENT_OTLP_TRACING_ENDPOINT", collector.tracesEndpoint(),
                "MANAGEMENT_TRACING_OPENTELEMETRY_EXPORT_SCHEDULE_DELAY", "1s"));
    }

    /** As {@link #start(Infrastructure, String, String, String)}, each service with {@code replicas} processes. */
    static RunningSystem start(Infrastructure infrastructure, String issuer, String jwksUri, String logs,
                               int replicas) {
        return new RunningSystem(infrastructure, issuer, jwksUri, logs, replicas, 1, Map.of());
    }

    /**
     * As {@link #start(Infrastructure, String, String, String)}, each service with {@code replicas} processes behind
     * {@code gateways} gateways, every process with the given settings (environment variables) besides.
     */
    static RunningSystem start(Infrastructure infrastructure, String issuer, String jwksUri, String logs,
                               int replicas, int gateways, Map<String, String> settings) {
        return new RunningSystem(infrastructure, issuer, jwksUri, logs, replicas, gateways, settings);
    }

    /**
     * Waits until every process is healthy. Further replicas start only once the first of every process is: they join
     * a running system, as in a rolling start, and no more processes start at once than with one replica each.
     */
    RunningSystem awaitHealthy() {
        processes.forEach(ServiceProcess::awaitHealthy);
        if (!startLater.isEmpty()) {
            startLater.forEach(Runnable::run);
            startLater.clear();
            processes.forEach(ServiceProcess::awaitHealthy);
        }
        return this;
    }

    /** The first gateway (the only one unless started with more). */
    ServiceProcess gateway() {
        return gateways.get(0);
    }

    List<ServiceProcess> gateways() {
        return List.copyOf(gateways);
    }

    ServiceProcess service(String name) {
        return services.get(name).get(0);
    }

    List<ServiceProcess> replicas(String name) {
        return services.get(name);
    }

    JdbcClient database(String service) {
        return JdbcClient.create(new SimpleDriverDataSource(new Driver(), databases.get(service).jdbcUrl()));
    }

    /** The service's database as the test's infrastructure holds it (to cut it off and reopen it). */
    TestDatabase testDatabase(String service) {
        return databases.get(service);
    }

    /** Households started on or opened more than once: the effects a redelivered event must not repeat. */
    List<String> effectsDoneTwice() {
        List<String> twice = new ArrayList<>();
        for (String[] effect : List.of(new String[] {"monitoring", "MonitoringStarted"},
                new String[] {"assistance", "AssistanceCaseOpened"},
                new String[] {"identification", "HouseholdIdentified"})) {
            database(effect[0]).sql("""
                            SELECT aggregateidentifier FROM domainevententry WHERE payloadtype LIKE :type
                            GROUP BY aggregateidentifier HAVING count(*) > 1""")
                    .param("type", "%." + effect[1]).query(String.class).list()
                    .forEach(household -> twice.add(effect[1] + " twice for " + household));
        }
        return twice;
    }

    /** Every process's log file. */
    List<Path> logFiles() {
        return processes.stream().map(ServiceProcess::log).toList();
    }

    /** A client that sends every request through the gateway with the token, as a user's browser would. */
    RestClient client(String token) {
        return RestClient.builder().baseUrl(gateway().baseUrl())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    @Override
    public void close() {
        processes.forEach(ServiceProcess::close);
    }
}
