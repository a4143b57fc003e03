package org.fangpin.identification.query;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.RigidExpenditure;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.identification.command.Commands.DecisionPolicy;
import org.fangpin.identification.command.Deadline;
import org.fangpin.platform.jdbc.Like;

/** Reads of the leads and their cases: the decision screen, the listings, the public-notice list, due dates. */
@Component
public class LeadQueries {

    /** The columns of a lead; {@code overdue}: open past a due date as of {@code :today}. */
    private static final String LEAD = """
            SELECT lead_id, household_id, region_code, channel, stage, reidentification, description, merged_leads,
                   reported_on, verification_due_on, decision_due_on, verified_on, per_capita_net_income,
                   labour_capacity, collector, guarantee_gaps, notice_from, notice_until,
                   notice_recorded_after_the_fact,
                   decided_on, object_type, risk_types, judgement, seq,
                   COALESCE(decided_on IS NULL AND ((verified_on IS NULL AND verification_due_on < :today)
                                                    OR decision_due_on < :today), false) AS overdue
            FROM lead_view
            """;

    private static final ObjectMapper JSON = EnvelopeCodec.mapper();

    private final JdbcClient jdbc;

    LeadQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LeadView> lead(String leadId, LocalDate today) {
        return jdbc.sql(LEAD + "WHERE lead_id = :id")
                .param("id", leadId)
                .param("today", today)
                .query(LeadQueries::leadView)
                .optional();
    }

    /** The policy a decided case was judged by, as recorded with the decision; empty while it is open. */
    public Optional<DecisionPolicy> decisionPolicy(String leadId) {
        return jdbc.sql("""
                        SELECT decision_policy_region, decision_policy_year, decision_thresholds::text
                        FROM lead_view WHERE lead_id = :id AND decision_thresholds IS NOT NULL""")
                .param("id", leadId)
                .query((row, number) -> new DecisionPolicy(row.getString(1), row.getInt(2),
                        read(row.getString(3), new TypeReference<PolicyThresholds>() { })))
                .optional();
    }

    /** The rigid expenditures the home verification recorded, by kind (empty before it). */
    public Map<RigidExpenditure, BigDecimal> rigidExpenditures(String leadId) {
        return jdbc.sql("""
                        SELECT rigid_expenditures::text FROM lead_view
                        WHERE lead_id = :id AND rigid_expenditures IS NOT NULL""")
                .param("id", leadId)
                .query(String.class)
                .optional()
                .map(json -> read(json, new TypeReference<Map<RigidExpenditure, BigDecimal>>() { }))
                .orElse(Map.of());
    }

    public List<LeadStep> steps(String leadId) {
        return jdbc.sql("""
                        SELECT step, note, actor_name, actor_role, occurred_at
                        FROM lead_step WHERE lead_id = :id ORDER BY position""")
                .param("id", leadId)
                .query(LeadStep.class)
                .list();
    }

    /**
     * A page of leads within a region prefix, in the order they came in, after the cursor.
     *
     * @param stage   only this stage, or all when null
     * @param overdue only cases open past a due date (true), only those that are not (false), or all (null)
     */
    public List<LeadView> leads(String regionPrefix, String stage, Boolean overdue, LocalDate today, long afterSeq,
                                int limit) {
        return jdbc.sql("SELECT * FROM (" + LEAD + """
                        WHERE region_code LIKE :prefix AND seq > :after
                          AND (CAST(:stage AS varchar) IS NULL OR stage = :stage)
                        ) leads
                        WHERE CAST(:overdue AS boolean) IS NULL OR overdue = :overdue
                        ORDER BY seq LIMIT :limit""")
                .param("prefix", Like.startsWith(regionPrefix))
                .param("after", afterSeq)
                .param("stage", stage)
                .param("overdue", overdue)
                .param("today", today)
                .param("limit", limit)
                .query(LeadQueries::leadView)
                .list();
    }

    /**
     * The cases on public notice in a village today, as the notice is posted: who and what is proposed, never the
     * ID number, phone, bank account or health details.
     */
    public List<NoticeEntry> publicNotice(String village, LocalDate today) {
        return jdbc.sql("""
                        SELECT h.head_name, h.village_group, h.member_count, l.reidentification, l.notice_from,
                               l.notice_until
                        FROM lead_view l JOIN household_view h ON h.household_id = l.household_id
                        WHERE l.region_code = :village AND l.stage = 'PUBLIC_NOTICE'
                          AND l.notice_from <= :today AND l.notice_until >= :today
                        ORDER BY h.village_group, h.head_name""")
                .param("village", village)
                .param("today", today)
                .query(NoticeEntry.class)
                .list();
    }

    /** Open cases past a due date whose overdue event was not raised yet: the work of the scheduled check. */
    public List<OverdueCase> newlyOverdue(LocalDate today) {
        return jdbc.sql("""
                        SELECT household_id, lead_id, 'VERIFICATION' AS deadline FROM lead_view
                        WHERE decided_on IS NULL AND verified_on IS NULL AND verification_due_on < :today
                          AND NOT verification_overdue_raised
                        UNION ALL
                        SELECT household_id, lead_id, 'DECISION' FROM lead_view
                        WHERE decided_on IS NULL AND decision_due_on < :today AND NOT decision_overdue_raised""")
                .param("today", today)
                .query(OverdueCase.class)
                .list();
    }

    /**
     * A lead as the listings and the case screen show it; lists are lists, absent values null.
     *
     * @param noticeRecordedAfterTheFact 补录: the whole notice period lay before the day it was recorded
     */
    public record LeadView(String leadId, String householdId, String regionCode, String channel, String stage,
                           boolean reidentification, String description, int mergedLeads, LocalDate reportedOn,
                           LocalDate verificationDueOn, LocalDate decisionDueOn, LocalDate verifiedOn,
                           BigDecimal perCapitaNetIncome, String labourCapacity, String collector,
                           List<Guarantee> guaranteeGaps, LocalDate noticeFrom, LocalDate noticeUntil,
                           boolean noticeRecordedAfterTheFact, LocalDate decidedOn, String objectType,
                           List<RiskType> riskTypes, String judgement, long seq, boolean overdue) {
    }

    private static LeadView leadView(ResultSet row, int number) throws SQLException {
        return new LeadView(row.getString("lead_id"), row.getString("household_id"), row.getString("region_code"),
                row.getString("channel"), row.getString("stage"), row.getBoolean("reidentification"),
                row.getString("description"), row.getInt("merged_leads"), row.getObject("reported_on", LocalDate.class),
                row.getObject("verification_due_on", LocalDate.class),
                row.getObject("decision_due_on", LocalDate.class), row.getObject("verified_on", LocalDate.class),
                row.getBigDecimal("per_capita_net_income"), row.getString("labour_capacity"),
                row.getString("collector"), names(row.getString("guarantee_gaps"), Guarantee::valueOf),
                row.getObject("notice_from", LocalDate.class), row.getObject("notice_until", LocalDate.class),
                row.getBoolean("notice_recorded_after_the_fact"), row.getObject("decided_on", LocalDate.class),
                row.getString("object_type"), names(row.getString("risk_types"), RiskType::valueOf),
                row.getString("judgement"),
                row.getLong("seq"), row.getBoolean("overdue"));
    }

    /** The enum values a column keeps as their comma-separated names; empty when there are none. */
    private static <E extends Enum<E>> List<E> names(String column, Function<String, E> valueOf) {
        return column == null || column.isEmpty() ? List.of()
                : Arrays.stream(column.split(",")).map(valueOf).toList();
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getType() + " cannot be read", e);
        }
    }

    public record LeadStep(String step, String note, String actorName, String actorRole, Instant occurredAt) {
    }

    public record NoticeEntry(String headName, Integer villageGroup, int memberCount, boolean reidentification,
                              LocalDate noticeFrom, LocalDate noticeUntil) {
    }

    public record OverdueCase(String householdId, String leadId, Deadline deadline) {
    }
}
