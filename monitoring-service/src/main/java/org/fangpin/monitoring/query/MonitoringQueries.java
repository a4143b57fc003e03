package org.fangpin.monitoring.query;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of the monitored households. */
@Component
public class MonitoringQueries {

    private final JdbcClient jdbc;

    MonitoringQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MonitoredHouseholdView> household(String householdId) {
        return jdbc.sql("""
                        SELECT household_id, region_code, object_type, started_on
                        FROM monitored_household WHERE household_id = :id""")
                .param("id", householdId)
                .query(MonitoredHouseholdView.class)
                .optional();
    }

    public record MonitoredHouseholdView(String householdId, String regionCode, String objectType,
                                         LocalDate startedOn) {
    }
}
