package org.fangpin.monitoring.query;

import java.sql.Timestamp;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.contracts.monitoring.ColourGradeChanged;
import org.fangpin.contracts.monitoring.ImmediateVisitRequested;
import org.fangpin.contracts.monitoring.LookBackMonitoringStarted;
import org.fangpin.contracts.monitoring.MonitoringClosed;
import org.fangpin.contracts.monitoring.MonitoringStarted;
import org.fangpin.contracts.monitoring.MonthlyMonitoringMissed;
import org.fangpin.contracts.monitoring.MonthlyMonitoringRecorded;
import org.fangpin.contracts.monitoring.RegularMonitoringResumed;
import org.fangpin.contracts.monitoring.WarningCleared;
import org.fangpin.contracts.monitoring.WarningLevelChanged;
import org.fangpin.contracts.monitoring.WarningRaised;
import org.fangpin.contracts.value.ContactMethod;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.axon.ProjectionWriter;

/**
 * The monitored households with their current standing, their monthly records, warnings and missed months. A
 * subscribing processor: what a command just did is visible to the next request. Every write is about one household
 * and goes through the {@link ProjectionWriter}, so that a request's writes reach PostgreSQL in a few batches.
 */
@Component
@ProcessingGroup(MonitoringProjection.PROCESSING_GROUP)
class MonitoringProjection {

    static final String PROCESSING_GROUP = "ReadModel_MonitoredHouseholds";
    private static final ObjectMapper JSON = EnvelopeCodec.mapper();

    private final ProjectionWriter writer;
    private final JdbcClient jdbc;

    MonitoringProjection(ProjectionWriter writer, JdbcClient jdbc) {
        this.writer = writer;
        this.jdbc = jdbc;
    }

    /** A household whose monitoring was closed and is started again keeps its history under the new start. */
    @EventHandler
    void on(MonitoringStarted event) {
        writer.write(event.householdId(), """
                        INSERT INTO monitored_household (household_id, region_code, object_type, started_on)
                        VALUES (:id, :region, :type, :on)
                        ON CONFLICT (household_id) DO UPDATE
                        SET region_code = EXCLUDED.region_code, object_type = EXCLUDED.object_type,
                            started_on = EXCLUDED.started_on, look_back = FALSE, closed_on = NULL,
                            closure_reason = NULL""",
                new MapSqlParameterSource()
                        .addValue("id", event.householdId())
                        .addValue("region", event.regionCode())
                        .addValue("type", event.objectType().name())
                        .addValue("on", event.startedOn()));
    }

    @EventHandler
    void on(MonthlyMonitoringRecorded event, EventMessage<?> message, @MetaDataValue(Actor.NAME) String recordedBy) {
        writer.write(event.householdId(), """
                        WITH recorded AS (
                            INSERT INTO monthly_record (event_id, household_id, region_code, month,
                                per_capita_net_income, guarantee_gaps, contact_method, no_visit_reason,
                                rigid_expenditures, employment_unstable, emergency, correction, recorded_on,
                                recorded_by, recorded_at, labour_capacity, income_only_from_transfers,
                                finding_level, finding_rule)
                            VALUES (:eventId, :id, :region, :month, :income, :gaps, :contact, :reason,
                                CAST(:expenditures AS jsonb), :unstable, :emergency, :correction, :on, :by, :at,
                                :labourCapacity, :onlyTransfers, :findingLevel, :findingRule))
                        UPDATE monitored_household
                        SET last_recorded_month = GREATEST(last_recorded_month, :month),
                            visit_hazard_id = CASE WHEN :visited THEN NULL ELSE visit_hazard_id END,
                            visit_requested_on = CASE WHEN :visited THEN NULL ELSE visit_requested_on END
                        WHERE household_id = :id""",
                new MapSqlParameterSource()
                        .addValue("eventId", message.getIdentifier())
                        .addValue("id", event.householdId())
                        .addValue("region", event.regionCode())
                        .addValue("month", event.month().atDay(1))
                        .addValue("income", event.perCapitaNetIncome())
                        .addValue("gaps", event.guaranteeGaps().stream().map(Enum::name)
                                .collect(Collectors.joining(",")))
                        .addValue("contact", event.contactMethod() == null ? null : event.contactMethod().name())
                        .addValue("reason", event.noVisitReason())
                        .addValue("expenditures", json(event.rigidExpenditures()))
                        .addValue("unstable", event.employmentUnstable())
                        .addValue("emergency", event.emergency())
                        .addValue("correction", event.correction())
                        .addValue("on", event.recordedOn())
                        .addValue("by", recordedBy)
                        .addValue("at", Timestamp.from(message.getTimestamp()))
                        .addValue("labourCapacity", event.labourCapacity() == null ? null
                                : event.labourCapacity().name())
                        .addValue("onlyTransfers", event.incomeOnlyFromTransfers())
                        .addValue("findingLevel", event.findingLevel() == null ? null : event.findingLevel().name())
                        .addValue("findingRule", event.findingRule())
                        .addValue("visited", event.contactMethod() == ContactMethod.HOME_VISIT));
    }

    @EventHandler
    void on(WarningRaised event) {
        writer.write(event.householdId(), """
                        INSERT INTO warning (warning_id, household_id, region_code, level, rule, observed, threshold,
                            reason, raised_on)
                        VALUES (:warningId, :id, :region, :level, :rule, :observed, :threshold, :reason, :on)""",
                new MapSqlParameterSource()
                        .addValue("warningId", event.warningId())
                        .addValue("id", event.householdId())
                        .addValue("region", event.regionCode())
                        .addValue("level", event.level().name())
                        .addValue("rule", event.rule())
                        .addValue("observed", event.observedValue())
                        .addValue("threshold", event.threshold())
                        .addValue("reason", event.reason())
                        .addValue("on", event.raisedOn()));
        history(event.warningId(), event.householdId(), "RAISED", event.level().name(), event.rule(),
                event.observedValue(), event.threshold(), event.reason(), event.raisedOn());
    }

    @EventHandler
    void on(WarningLevelChanged event) {
        writer.write(event.householdId(), """
                        UPDATE warning SET level = :level, rule = :rule, observed = :observed, threshold = :threshold
                        WHERE warning_id = :warningId""",
                new MapSqlParameterSource()
                        .addValue("level", event.to().name())
                        .addValue("rule", event.rule())
                        .addValue("observed", event.observedValue())
                        .addValue("threshold", event.threshold())
                        .addValue("warningId", event.warningId()));
        history(event.warningId(), event.householdId(), "LEVEL_CHANGED", event.to().name(), event.rule(),
                event.observedValue(), event.threshold(), null, event.changedOn());
    }

    @EventHandler
    void on(WarningCleared event) {
        writer.write(event.householdId(), "UPDATE warning SET cleared_on = :on WHERE warning_id = :warningId",
                new MapSqlParameterSource()
                        .addValue("on", event.clearedOn())
                        .addValue("warningId", event.warningId()));
        history(event.warningId(), event.householdId(), "CLEARED", null, event.rule(), null, null, event.reason(),
                event.clearedOn());
    }

    @EventHandler
    void on(ColourGradeChanged event) {
        writer.write(event.householdId(), """
                        UPDATE monitored_household SET colour_grade = :grade WHERE household_id = :id""",
                new MapSqlParameterSource()
                        .addValue("grade", event.to().name())
                        .addValue("id", event.householdId()));
    }

    @EventHandler
    void on(MonthlyMonitoringMissed event) {
        writer.write(event.householdId(), """
                        INSERT INTO missed_monitoring (household_id, month, region_code, due_day, flagged_on)
                        VALUES (:id, :month, :region, :dueDay, :on)""",
                new MapSqlParameterSource()
                        .addValue("id", event.householdId())
                        .addValue("month", event.month().atDay(1))
                        .addValue("region", event.regionCode())
                        .addValue("dueDay", event.dueDay())
                        .addValue("on", event.flaggedOn()));
    }

    @EventHandler
    void on(LookBackMonitoringStarted event) {
        lookBack(event.householdId(), true);
    }

    @EventHandler
    void on(RegularMonitoringResumed event) {
        lookBack(event.householdId(), false);
    }

    @EventHandler
    void on(MonitoringClosed event) {
        writer.write(event.householdId(), """
                        UPDATE monitored_household
                        SET closed_on = :on, closure_reason = :reason, visit_hazard_id = NULL, visit_requested_on = NULL
                        WHERE household_id = :id""",
                new MapSqlParameterSource()
                        .addValue("on", event.closedOn())
                        .addValue("reason", event.reason().name())
                        .addValue("id", event.householdId()));
    }

    @EventHandler
    void on(ImmediateVisitRequested event) {
        writer.write(event.householdId(), """
                        UPDATE monitored_household SET visit_hazard_id = :hazard, visit_requested_on = :on
                        WHERE household_id = :id""",
                new MapSqlParameterSource()
                        .addValue("hazard", event.hazardId())
                        .addValue("on", event.requestedOn())
                        .addValue("id", event.householdId()));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE monitored_household, monthly_record, warning, warning_change, missed_monitoring").update();
    }

    /** A step in the warning's history, and the household's current level after it (none once cleared). */
    private void history(String warningId, String householdId, String change, String level, String rule,
                         Object observed, Object threshold, String reason, Object on) {
        writer.write(householdId, """
                        WITH history AS (
                            INSERT INTO warning_change (warning_id, household_id, change, level, rule, observed,
                                threshold, reason, changed_on)
                            VALUES (:warningId, :id, :change, :level, :rule, :observed, :threshold, :reason, :on))
                        UPDATE monitored_household SET warning_level = :level WHERE household_id = :id""",
                new MapSqlParameterSource()
                        .addValue("warningId", warningId)
                        .addValue("id", householdId)
                        .addValue("change", change)
                        .addValue("level", level)
                        .addValue("rule", rule)
                        .addValue("observed", observed)
                        .addValue("threshold", threshold)
                        .addValue("reason", reason)
                        .addValue("on", on));
    }

    private void lookBack(String householdId, boolean lookBack) {
        writer.write(householdId, "UPDATE monitored_household SET look_back = :lookBack WHERE household_id = :id",
                new MapSqlParameterSource()
                        .addValue("lookBack", lookBack)
                        .addValue("id", householdId));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("rigid expenditures cannot be written", e);
        }
    }
}
