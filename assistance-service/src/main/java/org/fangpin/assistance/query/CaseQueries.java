package org.fangpin.assistance.query;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of the assistance cases. */
@Component
public class CaseQueries {

    private final JdbcClient jdbc;

    CaseQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseView> assistanceCase(String householdId) {
        return jdbc.sql("""
                        SELECT household_id, region_code, object_type, risk_types, labour_capacity, opened_on
                        FROM assistance_case WHERE household_id = :id""")
                .param("id", householdId)
                .query(CaseView.class)
                .optional();
    }

    public record CaseView(String householdId, String regionCode, String objectType, String riskTypes,
                           String labourCapacity, LocalDate openedOn) {
    }
}
