package org.fangpin.assistance.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.assistance.AssistanceCaseOpened;

/** The assistance cases, for this service's screens. */
@Component
@ProcessingGroup(CaseProjection.PROCESSING_GROUP)
class CaseProjection {

    static final String PROCESSING_GROUP = "ReadModel_AssistanceCases";

    private final JdbcClient jdbc;

    CaseProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AssistanceCaseOpened event) {
        jdbc.sql("""
                        INSERT INTO assistance_case (household_id, region_code, object_type, risk_types,
                                                     labour_capacity, opened_on)
                        VALUES (:id, :region, :type, :risks, :labour, :on)""")
                .param("id", event.householdId())
                .param("region", event.regionCode())
                .param("type", event.objectType().name())
                .param("risks", String.join(",", event.riskTypes().stream().map(Enum::name).toList()))
                .param("labour", event.labourCapacity() == null ? null : event.labourCapacity().name())
                .param("on", event.openedOn())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE assistance_case").update();
    }
}
