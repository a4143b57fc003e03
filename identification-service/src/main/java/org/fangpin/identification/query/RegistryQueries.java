package org.fangpin.identification.query;

import java.math.BigDecimal;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of the registry, the leads and the monitoring-line policy. */
@Component
public class RegistryQueries {

    private final JdbcClient jdbc;

    RegistryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<HouseholdView> household(String householdId) {
        return jdbc.sql("""
                        SELECT household_id, region_code, village_group, head_name, head_id_number, category,
                               member_count, object_type, open_lead_id
                        FROM household_view WHERE household_id = :id""")
                .param("id", householdId)
                .query(HouseholdView.class)
                .optional();
    }

    public boolean isRegistered(String headIdNumber) {
        return jdbc.sql("SELECT count(*) FROM household_view WHERE head_id_number = :idNumber")
                .param("idNumber", headIdNumber).query(Long.class).single() > 0;
    }

    public Optional<LeadView> lead(String leadId) {
        return jdbc.sql("""
                        SELECT lead_id, household_id, region_code, channel, stage, reported_on, decided_on
                        FROM lead_view WHERE lead_id = :id""")
                .param("id", leadId)
                .query(LeadView.class)
                .optional();
    }

    /** The line of the most specific region prefix with a policy for the year, or the latest year before it. */
    public Optional<BigDecimal> monitoringLine(String regionCode, int year) {
        return jdbc.sql("""
                        SELECT amount FROM monitoring_line
                        WHERE :region LIKE region_prefix || '%' AND policy_year <= :year
                        ORDER BY length(region_prefix) DESC, policy_year DESC
                        LIMIT 1""")
                .param("region", regionCode)
                .param("year", year)
                .query(BigDecimal.class)
                .optional();
    }

    public record HouseholdView(String householdId, String regionCode, Integer villageGroup, String headName,
                                String headIdNumber, String category, int memberCount, String objectType,
                                String openLeadId) {
    }

    public record LeadView(String leadId, String householdId, String regionCode, String channel, String stage,
                           java.time.LocalDate reportedOn, java.time.LocalDate decidedOn) {
    }
}
