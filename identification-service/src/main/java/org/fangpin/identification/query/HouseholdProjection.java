package org.fangpin.identification.query;

import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.HouseholdVerified;
import org.fangpin.contracts.identification.LeadReported;

/**
 * The registry and lead screens. A subscribing processor: the rows change in the same transaction as the events,
 * so a lead can be looked up the moment its report returns.
 */
@Component
@ProcessingGroup(HouseholdProjection.PROCESSING_GROUP)
class HouseholdProjection {

    static final String PROCESSING_GROUP = "ReadModel_Households";

    private final JdbcClient jdbc;

    HouseholdProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(HouseholdRegistered event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO household_view (household_id, region_code, village_group, head_name, head_id_number,
                                                    category, member_count, registered_at)
                        VALUES (:id, :region, :group, :name, :idNumber, :category, :members, :at)""")
                .param("id", event.householdId())
                .param("region", event.regionCode())
                .param("group", event.villageGroup())
                .param("name", event.headName())
                .param("idNumber", event.headIdNumber())
                .param("category", event.category().name())
                .param("members", event.memberCount())
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    @EventHandler
    void on(LeadReported event) {
        jdbc.sql("""
                        INSERT INTO lead_view (lead_id, household_id, region_code, channel, stage, reported_on)
                        VALUES (:lead, :household, :region, :channel, 'REPORTED', :on)""")
                .param("lead", event.leadId())
                .param("household", event.householdId())
                .param("region", event.regionCode())
                .param("channel", event.channel().name())
                .param("on", event.reportedOn())
                .update();
        jdbc.sql("UPDATE household_view SET open_lead_id = :lead WHERE household_id = :household")
                .param("lead", event.leadId()).param("household", event.householdId()).update();
    }

    @EventHandler
    void on(HouseholdVerified event) {
        jdbc.sql("UPDATE lead_view SET stage = 'VERIFIED' WHERE lead_id = :lead").param("lead", event.leadId()).update();
    }

    @EventHandler
    void on(HouseholdIdentified event) {
        jdbc.sql("UPDATE lead_view SET stage = 'IDENTIFIED', decided_on = :on WHERE lead_id = :lead")
                .param("on", event.identifiedOn()).param("lead", event.leadId()).update();
        jdbc.sql("""
                        UPDATE household_view SET open_lead_id = NULL, object_type = :type
                        WHERE household_id = :household""")
                .param("type", event.objectType().name()).param("household", event.householdId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE lead_view, household_view").update();
    }
}
