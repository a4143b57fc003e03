package org.fangpin.monitoring.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.monitoring.MonitoringStarted;

/** The monitored households, for this service's screens and for screening department data against. */
@Component
@ProcessingGroup(MonitoringProjection.PROCESSING_GROUP)
class MonitoringProjection {

    static final String PROCESSING_GROUP = "ReadModel_MonitoredHouseholds";

    private final JdbcClient jdbc;

    MonitoringProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MonitoringStarted event) {
        jdbc.sql("""
                        INSERT INTO monitored_household (household_id, region_code, object_type, started_on)
                        VALUES (:id, :region, :type, :on)""")
                .param("id", event.householdId())
                .param("region", event.regionCode())
                .param("type", event.objectType().name())
                .param("on", event.startedOn())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE monitored_household").update();
    }
}
