package org.fangpin.testsupport;

import java.util.ArrayList;
import java.util.List;

/** The real infrastructure of one test class; see {@link RealInfrastructureExtension}. */
public final class Infrastructure implements AutoCloseable {

    private final String owner;
    private final KafkaBroker kafka;
    private final List<PostgresServer.TestDatabase> databases = new ArrayList<>();

    Infrastructure(String owner) {
        this.owner = owner;
        this.kafka = KafkaBroker.start();
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

    public DevTokenIssuer tokens() {
        return DevTokenIssuer.shared();
    }

    @Override
    public synchronized void close() {
        databases.forEach(PostgresServer.TestDatabase::close);
        kafka.close();
    }
}
