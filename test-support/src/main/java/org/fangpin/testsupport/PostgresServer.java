package org.fangpin.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The real PostgreSQL server tests run against, found once per JVM: {@code FANGPIN_PG_URL} (a JDBC URL of a
 * database the user may create databases from, with {@code user}/{@code password} parameters), else a server on
 * 127.0.0.1:5432 as user {@code postgres}, else a Testcontainers container when Docker is present.
 * Every test class gets a fresh database of its own.
 */
public final class PostgresServer {

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/?]+)/([^?]*)(\\?.*)?");
    private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    /**
     * How many connections the databases of this JVM's earlier test classes may still hold when a new one is made:
     * one running system's pools (23, the same as the local stack's). With the local stack running beside the suite
     * (README: up.sh, then mvn -B verify) both fit in a stock server's 100 connections. A leak (a context or a
     * running system kept open after its class) stops here with a message instead of "sorry, too many clients
     * already" somewhere else.
     */
    static final int CONNECTION_BUDGET = Integer.getInteger("fangpin.test.connection-budget", 25);
    private static PostgresServer instance;

    private final String adminUrl;
    private final Set<String> databases = ConcurrentHashMap.newKeySet();

    private PostgresServer(String adminUrl) {
        this.adminUrl = adminUrl;
    }

    public static synchronized PostgresServer get() {
        if (instance == null) {
            instance = new PostgresServer(resolveAdminUrl());
        }
        return instance;
    }

    /** A database of one's own, e.g. {@code fangpin_it_monitoring_3f2a9c1b}. */
    public TestDatabase createDatabase(String purpose) {
        requireWithinConnectionBudget(purpose);
        String name = ("fangpin_it_" + purpose.replaceAll("[^A-Za-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        databases.add(name);
        Matcher url = JDBC_URL.matcher(adminUrl);
        if (!url.matches()) {
            throw new IllegalStateException("not a PostgreSQL JDBC URL: " + adminUrl);
        }
        String query = url.group(3) == null ? "" : url.group(3);
        return new TestDatabase(this, name, "jdbc:postgresql://" + url.group(1) + "/" + name + query);
    }

    void drop(String database) {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        databases.remove(database);
    }

    private void requireWithinConnectionBudget(String purpose) {
        if (databases.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(adminUrl);
             PreparedStatement held = connection.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE datname = ANY (?)")) {
            held.setArray(1, connection.createArrayOf("text", databases.toArray()));
            try (ResultSet count = held.executeQuery()) {
                count.next();
                if (count.getInt(1) > CONNECTION_BUDGET) {
                    throw new IllegalStateException("""
                            Before %s: this JVM's earlier test databases still hold %d PostgreSQL connections, more \
                            than the suite's budget of %d. A test context or a running system was left open after its \
                            class; with the local stack beside the suite the server would run out of connections."""
                            .formatted(purpose, count.getInt(1), CONNECTION_BUDGET));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused to count connections", e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, e);
        }
    }

    private static String resolveAdminUrl() {
        String configured = System.getenv("FANGPIN_PG_URL");
        if (configured != null && !configured.isBlank()) {
            requireReachable(configured, "FANGPIN_PG_URL");
            return configured;
        }
        if (reachable(LOCAL)) {
            return LOCAL;
        }
        if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
            return container.getJdbcUrl() + "&user=" + container.getUsername() + "&password=" + container.getPassword();
        }
        throw new IllegalStateException("""
                Integration tests need a real PostgreSQL and none could be had:
                  - FANGPIN_PG_URL is not set (e.g. jdbc:postgresql://host:5432/postgres?user=postgres&password=secret),
                  - nothing accepts user 'postgres' on 127.0.0.1:5432 (start one: apt-get install postgresql, then
                    pg_ctlcluster 15 main start; or deploy/local/up.sh),
                  - and there is no Docker engine for Testcontainers.""");
    }

    private static void requireReachable(String url, String source) {
        try (Connection ignored = DriverManager.getConnection(url, new Properties())) {
            // reachable
        } catch (SQLException e) {
            throw new IllegalStateException(source + " is set but PostgreSQL cannot be reached there: "
                    + e.getMessage(), e);
        }
    }

    private static boolean reachable(String url) {
        try (Connection ignored = DriverManager.getConnection(url)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A database created for one test class; dropped when the class is done. */
    public record TestDatabase(PostgresServer server, String name, String jdbcUrl) implements AutoCloseable {

        /** An outage as its users see it: open connections are ended and new ones refused until {@link #reopen()}. */
        public void cut() {
            server.execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS false");
            server.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
        }

        /** Ends an outage begun with {@link #cut()}. */
        public void reopen() {
            server.execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS true");
        }

        @Override
        public void close() {
            server.drop(name);
        }
    }
}
