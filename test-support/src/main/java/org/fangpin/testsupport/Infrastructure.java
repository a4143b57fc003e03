package org.fangpin.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real infrastructure of one test class; see {@link RealInfrastructureExtension}. */
public final class Infrastructure implements AutoCloseable {

    private final String owner;
    private final KafkaBroker kafka;
    private final List<PostgresServer.TestDatabase> databases = new ArrayList<>();
    private RedisServer redis;

    Infrastructure(String owner, Class<?> testClass) {
        this.owner = owner;
        if (testClass.isAnnotationPresent(SecuredKafka.class)) {
            kafka = KafkaBroker.startSecured(
                    Path.of(System.getProperty("fangpin.root", "..")).resolve("deploy/kafka/acls.tsv"));
        } else if (testClass.isAnnotationPresent(KafkaBehindProxy.class)) {
            kafka = KafkaBroker.startBehindProxy();
        } else {
            kafka = KafkaBroker.start();
        }
    }

    /** A fresh database, dropped with the infrastructure. */
    public synchronized PostgresServer.TestDatabase database(String purpose) {
        PostgresServer.TestDatabase database = PostgresServer.get().createDatabase(owner + "_" + purpose);
        databases.add(database);
        return database;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** A Redis of this test class's own (the gateways' shared rate limit), started on first use. */
    public synchronized RedisServer redis() {
        if (redis == null) {
            redis = RedisServer.start();
        }
        return redis;
    }

    public DevTokenIssuer tokens() {
        return DevTokenIssuer.shared();
    }

    @Override
    public synchronized void close() {
        databases.forEach(PostgresServer.TestDatabase::close);
        kafka.close();
        if (redis != null) {
            redis.close();
        }
    }
}
