package org.fangpin.platform.axon;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;

/**
 * Migrates the platform's own tables (Axon's event store, token and saga store, dead letters, the consumer inbox)
 * before the service's migrations. The platform keeps its own history table, so platform and service migrations
 * are versioned independently.
 */
public class PlatformSchemaMigration implements FlywayMigrationStrategy {

    static final String LOCATION = "classpath:db/platform";
    static final String HISTORY_TABLE = "platform_schema_history";

    @Override
    public void migrate(Flyway serviceFlyway) {
        Flyway.configure()
                .configuration(serviceFlyway.getConfiguration())
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .load()
                .migrate();
        serviceFlyway.migrate();
    }
}
