package org.fangpin.identification.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of the household registry and its members. */
@Component
public class RegistryQueries {

    private final JdbcClient jdbc;

    RegistryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<HouseholdView> household(String householdId) {
        return jdbc.sql("""
                        SELECT household_id, region_code, village_group, head_name, head_id_number, category,
                               category_flags, member_count, object_type, open_lead_id, risk_eliminated
                        FROM household_view WHERE household_id = :id""")
                .param("id", householdId)
                .query(HouseholdView.class)
                .optional();
    }

    /** Current members first, the head leading, in the order they joined; then those who left. */
    public List<MemberView> members(String householdId) {
        return jdbc.sql("""
                        SELECT member_id, name, id_number, relation, birth_date, labour_capacity, health, schooling,
                               employment, joined_by, joined_on, left_by, left_on
                        FROM member_view WHERE household_id = :id ORDER BY left_on IS NOT NULL, position""")
                .param("id", householdId)
                .query(MemberView.class)
                .list();
    }

    /** The household the person is a current member of, if any: one person belongs to one household. */
    public Optional<PersonsHousehold> householdOfPerson(String idNumber) {
        return jdbc.sql("""
                        SELECT m.household_id, h.region_code
                        FROM member_view m JOIN household_view h ON h.household_id = m.household_id
                        WHERE m.id_number = :idNumber AND m.left_on IS NULL""")
                .param("idNumber", idNumber)
                .query(PersonsHousehold.class)
                .optional();
    }

    public record PersonsHousehold(String householdId, String regionCode) {
    }

    public record HouseholdView(String householdId, String regionCode, Integer villageGroup, String headName,
                                String headIdNumber, String category, String categoryFlags, int memberCount,
                                String objectType, String openLeadId, boolean riskEliminated) {
    }

    public record MemberView(String memberId, String name, String idNumber, String relation, LocalDate birthDate,
                             String labourCapacity, String health, String schooling, String employment,
                             String joinedBy, LocalDate joinedOn, String leftBy, LocalDate leftOn) {
    }
}
