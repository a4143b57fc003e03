package org.fangpin.assistance.query;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.assistance.command.MonitoringFacts.MonthRecord;
import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.platform.jdbc.Like;

/** Reads of the assistance cases, their measures and warnings, and the monthly records behind elimination. */
@Component
public class CaseQueries {

    /** Enough months for any stable-income period a policy asks for. */
    static final int RECENT_MONTHS = 36;

    private final JdbcClient jdbc;

    CaseQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseSummary> summary(String householdId) {
        return jdbc.sql("""
                        SELECT household_id, region_code, object_type, risk_types, labour_capacity, opened_on, status,
                               elimination_step, rollback_step, developmental_confirmation, safety_net, eliminated_on,
                               closed_on, closure_reason
                        FROM assistance_case WHERE household_id = :id""")
                .param("id", householdId)
                .query(CaseSummary.class)
                .optional();
    }

    public Optional<CaseView> assistanceCase(String householdId) {
        return summary(householdId).map(summary -> new CaseView(summary.householdId(), summary.regionCode(),
                summary.objectType(), risks(summary.riskTypes()), summary.labourCapacity(), summary.openedOn(),
                summary.status(), summary.eliminationStep(), summary.rollbackStep(),
                summary.developmentalConfirmation(), summary.safetyNet(), summary.eliminatedOn(),
                summary.closedOn(), summary.closureReason(), measures(householdId), warnings(householdId),
                eliminations(householdId)));
    }

    public Optional<MeasureView> measure(String measureId) {
        return jdbc.sql(MEASURE_COLUMNS + " WHERE measure_id = :id")
                .param("id", measureId)
                .query(CaseQueries::measureRow)
                .optional();
    }

    /**
     * The latest monthly records of a household of months up to {@code upTo}, newest first: what monitoring knew of
     * the household on a day of that month.
     */
    public List<MonthRecord> recentRecords(String householdId, YearMonth upTo) {
        return jdbc.sql("""
                        SELECT month, per_capita_net_income, guarantee_gaps FROM monthly_record
                        WHERE household_id = :id AND month <= :upTo ORDER BY month DESC LIMIT :limit""")
                .param("id", householdId)
                .param("upTo", upTo.atDay(1))
                .param("limit", RECENT_MONTHS)
                .query((rs, row) -> new MonthRecord(YearMonth.from(rs.getDate("month").toLocalDate()),
                        rs.getBigDecimal("per_capita_net_income"), guarantees(rs.getString("guarantee_gaps"))))
                .list();
    }

    /**
     * 逾期帮扶措施 of a region, optionally of one department, paged by measure id. A closed case's measures are not
     * overdue (its closure lifted their marks).
     */
    public List<MeasureView> overdueMeasures(String regionPrefix, String department, String after, int limit) {
        return jdbc.sql(MEASURE_COLUMNS + """
                         WHERE overdue_since IS NOT NULL AND region_code LIKE :region
                           AND (CAST(:department AS VARCHAR) IS NULL OR department = :department)
                           AND measure_id > :after
                        ORDER BY measure_id LIMIT :limit""")
                .param("region", Like.startsWith(regionPrefix))
                .param("department", department)
                .param("after", after == null ? "" : after)
                .param("limit", limit)
                .query(CaseQueries::measureRow)
                .list();
    }

    /**
     * 限时办结 falling due: measures still to be done whose deadline is between {@code today} and {@code until}, soonest
     * first, paged by (due date, measure id); closed cases' left out.
     *
     * @param after the id of the last measure of the previous page (absent for the first page)
     */
    public List<MeasureView> measuresFallingDue(String regionPrefix, String department, LocalDate today,
                                                LocalDate until, String after, int limit) {
        return jdbc.sql(MEASURE_COLUMNS + """
                         item WHERE status IN ('PLANNED', 'IN_PROGRESS') AND overdue_since IS NULL
                           AND due_date BETWEEN :today AND :until AND region_code LIKE :region
                           AND (CAST(:department AS VARCHAR) IS NULL OR department = :department)
                           AND (CAST(:after AS VARCHAR) IS NULL OR (due_date, measure_id) >
                                (SELECT m.due_date, m.measure_id FROM measure m WHERE m.measure_id = :after))
                           AND %s
                        ORDER BY due_date, measure_id LIMIT :limit""".formatted(CASE_NOT_CLOSED))
                .param("today", today)
                .param("until", until)
                .param("region", Like.startsWith(regionPrefix))
                .param("department", department)
                .param("after", after)
                .param("limit", limit)
                .query(CaseQueries::measureRow)
                .list();
    }

    public boolean measureExists(String measureId) {
        return jdbc.sql("SELECT count(*) FROM measure WHERE measure_id = :id").param("id", measureId)
                .query(Long.class).single() > 0;
    }

    /**
     * 预警响应 still to be given: open warnings of a region with neither a measure nor a reason in answer, oldest first,
     * paged by (raised on, warning id); closed cases' left out.
     *
     * @param after the id of the last warning of the previous page (absent for the first page)
     */
    public List<UnansweredWarning> warningsAwaitingResponse(String regionPrefix, String after, int limit) {
        return jdbc.sql("""
                        SELECT warning_id, household_id, region_code, level, rule, reason, raised_on, look_back,
                               response_overdue_on
                        FROM case_warning item
                        WHERE responded_on IS NULL AND closed_on IS NULL AND region_code LIKE :region
                          AND (CAST(:after AS VARCHAR) IS NULL OR (raised_on, warning_id) >
                               (SELECT w.raised_on, w.warning_id FROM case_warning w WHERE w.warning_id = :after))
                          AND %s
                        ORDER BY raised_on, warning_id LIMIT :limit""".formatted(CASE_NOT_CLOSED))
                .param("region", Like.startsWith(regionPrefix))
                .param("after", after)
                .param("limit", limit)
                .query(UnansweredWarning.class)
                .list();
    }

    public boolean warningExists(String warningId) {
        return jdbc.sql("SELECT count(*) FROM case_warning WHERE warning_id = :id").param("id", warningId)
                .query(Long.class).single() > 0;
    }

    /**
     * 回头看 findings: open warnings on households whose risk is eliminated and whose rollback is not under way yet,
     * paged by warning id.
     */
    public List<LookBackFinding> lookBackFindings(String regionPrefix, String after, int limit) {
        return jdbc.sql("""
                        SELECT w.warning_id, w.household_id, w.region_code, w.level, w.rule, w.reason, w.raised_on,
                               c.eliminated_on
                        FROM case_warning w JOIN assistance_case c ON c.household_id = w.household_id
                        WHERE w.look_back AND w.closed_on IS NULL AND w.region_code LIKE :region
                          AND c.status = 'RISK_ELIMINATED' AND c.rollback_step IS NULL AND w.warning_id > :after
                        ORDER BY w.warning_id LIMIT :limit""")
                .param("region", Like.startsWith(regionPrefix))
                .param("after", after == null ? "" : after)
                .param("limit", limit)
                .query(LookBackFinding.class)
                .list();
    }

    /** Measures still to be done whose deadline passed and that are not flagged yet, closed cases' left out. */
    public List<MeasureRef> measuresPastDue(LocalDate today) {
        return jdbc.sql("""
                        SELECT household_id, measure_id FROM measure item
                        WHERE status IN ('PLANNED', 'IN_PROGRESS') AND overdue_since IS NULL AND due_date < :today
                          AND %s""".formatted(CASE_NOT_CLOSED))
                .param("today", today)
                .query(MeasureRef.class)
                .list();
    }

    /** Safety-net measures whose gradual exit is over, closed cases' left out. */
    public List<MeasureRef> gradualExitsOver(LocalDate today) {
        return jdbc.sql("""
                        SELECT household_id, measure_id FROM measure item
                        WHERE status = 'GRADUAL_EXIT' AND gradual_exit_ends_on <= :today
                          AND %s""".formatted(CASE_NOT_CLOSED))
                .param("today", today)
                .query(MeasureRef.class)
                .list();
    }

    /**
     * Open warnings without a response that are not flagged yet, with the region whose policy sets the days; closed
     * cases' left out.
     */
    public List<AwaitingResponse> warningsAwaitingResponse(LocalDate today) {
        return jdbc.sql("""
                        SELECT household_id, warning_id, region_code, raised_on FROM case_warning item
                        WHERE responded_on IS NULL AND closed_on IS NULL AND response_overdue_on IS NULL
                          AND raised_on < :today AND %s""".formatted(CASE_NOT_CLOSED))
                .param("today", today)
                .query(AwaitingResponse.class)
                .list();
    }

    static List<Guarantee> guarantees(String names) {
        return names(names, Guarantee::valueOf);
    }

    /** Enum constants kept comma-separated in a column. */
    static <E> List<E> names(String names, Function<String, E> valueOf) {
        return names == null || names.isBlank() ? List.of() : Arrays.stream(names.split(",")).map(valueOf).toList();
    }

    /** The household's measures, each with its progress notes: two queries, however many measures there are. */
    private List<MeasureView> measures(String householdId) {
        Map<String, List<ProgressNote>> progress = new HashMap<>();
        jdbc.sql("""
                        SELECT p.measure_id, p.noted_on, p.note, p.noted_by
                        FROM measure_progress p JOIN measure m ON m.measure_id = p.measure_id
                        WHERE m.household_id = :id
                        ORDER BY p.measure_id, p.id""")
                .param("id", householdId)
                .query(rs -> {
                    progress.computeIfAbsent(rs.getString("measure_id"), measure -> new ArrayList<>())
                            .add(new ProgressNote(rs.getObject("noted_on", LocalDate.class), rs.getString("note"),
                                    rs.getString("noted_by")));
                });
        return jdbc.sql(MEASURE_COLUMNS + " WHERE household_id = :id ORDER BY added_on, measure_id")
                .param("id", householdId)
                .query(CaseQueries::measureRow)
                .list()
                .stream()
                .map(measure -> measure.withProgress(progress.getOrDefault(measure.measureId(), List.of())))
                .toList();
    }

    private List<WarningView> warnings(String householdId) {
        return jdbc.sql("""
                        SELECT warning_id, level, rule, reason, raised_on, look_back, responded_on,
                               response_measure_id, response_reason, response_overdue_on, closed_on
                        FROM case_warning WHERE household_id = :id ORDER BY raised_on, warning_id""")
                .param("id", householdId)
                .query(WarningView.class)
                .list();
    }

    private List<EliminationView> eliminations(String householdId) {
        return jdbc.sql("""
                        SELECT eliminated_on, evidence::text AS evidence, rolled_back_on FROM elimination_decision
                        WHERE household_id = :id ORDER BY id""")
                .param("id", householdId)
                .query((rs, row) -> new EliminationView(rs.getDate("eliminated_on").toLocalDate(),
                        tree(rs.getString("evidence")),
                        rs.getDate("rolled_back_on") == null ? null : rs.getDate("rolled_back_on").toLocalDate()))
                .list();
    }

    private static JsonNode tree(String json) {
        try {
            return EnvelopeCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence cannot be read", e);
        }
    }

    private static MeasureView measureRow(ResultSet rs, int row) throws SQLException {
        return new MeasureView(rs.getString("measure_id"), rs.getString("household_id"), rs.getString("region_code"),
                rs.getString("measure_type"), rs.getString("description"), risks(rs.getString("risk_types")),
                rs.getString("department"), rs.getString("responsible_person"),
                rs.getObject("due_date", LocalDate.class), rs.getString("status"), rs.getString("outcome"),
                rs.getBigDecimal("income_effect"), rs.getObject("overdue_since", LocalDate.class),
                rs.getObject("gradual_exit_ends_on", LocalDate.class), rs.getObject("added_on", LocalDate.class),
                rs.getObject("updated_on", LocalDate.class), null);
    }

    private static List<RiskType> risks(String names) {
        return names(names, RiskType::valueOf);
    }

    private static final String MEASURE_COLUMNS = """
            SELECT measure_id, household_id, region_code, measure_type, description, risk_types, department,
                   responsible_person, due_date, status, outcome, income_effect, overdue_since, gradual_exit_ends_on,
                   added_on, updated_on
            FROM measure""";

    /** The household of row {@code item} has no case closed with its monitoring. */
    private static final String CASE_NOT_CLOSED = """
            NOT EXISTS (SELECT 1 FROM assistance_case c
                        WHERE c.household_id = item.household_id AND c.status = 'CLOSED')""";

    /** The case row, as stored ({@code riskTypes} comma-separated). */
    public record CaseSummary(String householdId, String regionCode, String objectType, String riskTypes,
                              String labourCapacity, LocalDate openedOn, String status, String eliminationStep,
                              String rollbackStep, String developmentalConfirmation, String safetyNet,
                              LocalDate eliminatedOn, LocalDate closedOn, String closureReason) {
    }

    /**
     * A household's case as a cadre reads it.
     *
     * @param status                    {@code RISK_NOT_ELIMINATED}, {@code RISK_ELIMINATED} or {@code CLOSED}
     *                                  (closed with the household's monitoring, 终止监测)
     * @param developmentalConfirmation {@code VILLAGE} (村级已确认) or {@code CONFIRMED} (已实施开发式帮扶)
     * @param safetyNet                 {@code PROPOSED} (村级认定) or {@code DESIGNATED} (整户无劳动能力兜底保障户)
     * @param closedOn                  the day the county closed the household's monitoring, when it did
     * @param closureReason             its reason ({@code ClosureReason}), when it did
     * @param eliminations              each county approval with its evidence, and its rollback if any
     */
    public record CaseView(String householdId, String regionCode, String objectType, List<RiskType> riskTypes,
                           String labourCapacity, LocalDate openedOn, String status, String eliminationStep,
                           String rollbackStep, String developmentalConfirmation, String safetyNet,
                           LocalDate eliminatedOn, LocalDate closedOn, String closureReason,
                           List<MeasureView> measures, List<WarningView> warnings,
                           List<EliminationView> eliminations) {
    }

    public record MeasureView(String measureId, String householdId, String regionCode, String measureType,
                              String description, List<RiskType> riskTypes, String department,
                              String responsiblePerson,
                              LocalDate dueDate, String status, String outcome, BigDecimal incomeEffect,
                              LocalDate overdueSince, LocalDate gradualExitEndsOn, LocalDate addedOn,
                              LocalDate updatedOn, List<ProgressNote> progress) {

        MeasureView withProgress(List<ProgressNote> notes) {
            return new MeasureView(measureId, householdId, regionCode, measureType, description, riskTypes,
                    department, responsiblePerson, dueDate, status, outcome, incomeEffect, overdueSince,
                    gradualExitEndsOn, addedOn, updatedOn, notes);
        }
    }

    /** An eliminated household that monitoring found unstable: a rollback or a re-marking is due. */
    public record LookBackFinding(String warningId, String householdId, String regionCode, String level, String rule,
                                  String reason, LocalDate raisedOn, LocalDate eliminatedOn) {
    }

    /**
     * An open warning with no response yet.
     *
     * @param responseOverdueOn the day it was flagged as answered too late (响应逾期), when it was
     */
    public record UnansweredWarning(String warningId, String householdId, String regionCode, String level,
                                    String rule, String reason, LocalDate raisedOn, boolean lookBack,
                                    LocalDate responseOverdueOn) {
    }

    public record MeasureRef(String householdId, String measureId) {
    }

    public record AwaitingResponse(String householdId, String warningId, String regionCode, LocalDate raisedOn) {
    }

    public record ProgressNote(LocalDate notedOn, String note, String notedBy) {
    }

    public record WarningView(String warningId, String level, String rule, String reason, LocalDate raisedOn,
                              boolean lookBack, LocalDate respondedOn, String responseMeasureId,
                              String responseReason, LocalDate responseOverdueOn, LocalDate closedOn) {
    }

    public record EliminationView(LocalDate eliminatedOn, JsonNode evidence, LocalDate rolledBackOn) {
    }
}
