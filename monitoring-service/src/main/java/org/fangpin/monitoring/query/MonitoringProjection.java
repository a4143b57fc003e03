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

/**
 * The monitored households with their current standing, their monthly records, warnings and missed months. A
 * subscribing processor: what a command just did is visible to the next request.
 */
@Component
@ProcessingGroup(MonitoringProjection.PROCESSING_GROUP)
class MonitoringProjection {

    static final String PROCESSING_GROUP = "ReadModel_MonitoredHouseholds";
    private static final ObjectMapper JSON = EnvelopeCodec.mapper();

    private final JdbcClient jdbc;

    MonitoringProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A household whose monitoring was closed and is started again keeps its history under the new start. */
    @EventHandler
    void on(MonitoringStarted event) {
        jdbc.sql("""
                        INSERT INTO monitored_household (household_id, region_code, object_type, started_on)
                        VALUES (:id, :region, :type, :on)
                        ON CONFLICT (household_id) DO UPDATE
                        SET region_code = EXCLUDED.region_code, object_type = EXCLUDED.object_type,
                            started_on = EXCLUDED.started_on, look_back = FALSE, closed_on = NULL,
                            closure_reason = NULL""")
                .param("id", event.householdId())
                .param("region", event.regionCode())
                .param("type", event.objectType().name())
                .param("on", event.startedOn())
                .update();
    }

    @EventHandler
    void on(MonthlyMonitoringRecorded event, EventMessage<?> message, @MetaDataValue(Actor.NAME) String recordedBy) {
        jdbc.sql("""
                        WITH recorded AS (
                            INSERT INTO monthly_record (event_id, household_id, region_code, month,
                                per_capita_net_income, guarantee_gaps, contact_method, no_visit_reason,
                                rigid_expenditures, employment_unstable, emergency, correction, recorded_on,
                                recorded_by, recorded_at)
                            VALUES (:eventId, :id, :region, :month, :income, :gaps, :contact, :reason,
                                CAST(:expenditures AS jsonb), :unstable, :emergency, :correction, :on, :by, :at))
                        UPDATE monitored_household
                        SET last_recorded_month = GREATEST(last_recorded_month, :month),
                            visit_hazard_id = CASE WHEN :visited THEN NULL ELSE visit_hazard_id END,
                            visit_requested_on = CASE WHEN :visited THEN NULL ELSE visit_requested_on END
                        WHERE household_id = :id""")
                .param("eventId", message.getIdentifier())
                .param("id", event.householdId())
                .param("region", event.regionCode())
                .param("month", event.month().atDay(1))
                .param("income", event.perCapitaNetIncome())
                .param("gaps", event.guaranteeGaps().stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("contact", event.contactMethod() == null ? null : event.contactMethod().name())
                .param("reason", event.noVisitReason())
                .param("expenditures", json(event.rigidExpenditures()))
                .param("unstable", event.employmentUnstable())
                .param("emergency", event.emergency())
                .param("correction", event.correction())
                .param("on", event.recordedOn())
                .param("by", recordedBy)
                .param("at", Timestamp.from(message.getTimestamp()))
                .param("visited", event.contactMethod() == ContactMethod.HOME_VISIT)
                .update();
    }

    @EventHandler
    void on(WarningRaised event) {
        jdbc.sql("""
                        INSERT INTO warning (warning_id, household_id, region_code, level, rule, observed, threshold,
                            reason, raised_on)
                        VALUES (:warningId, :id, :region, :level, :rule, :observed, :threshold, :reason, :on)""")
                .param("warningId", event.warningId())
                .param("id", event.householdId())
                .param("region", event.regionCode())
                .param("level", event.level().name())
                .param("rule", event.rule())
                .param("observed", event.observedValue())
                .param("threshold", event.threshold())
                .param("reason", event.reason())
                .param("on", event.raisedOn())
                .update();
        history(event.warningId(), event.householdId(), "RAISED", event.level().name(), event.rule(),
                event.observedValue(), event.threshold(), event.reason(), event.raisedOn());
    }

    @EventHandler
    void on(WarningLevelChanged event) {
        jdbc.sql("""
                        UPDATE warning SET level = :level, rule = :rule, observed = :observed, threshold = :threshold
                        WHERE warning_id = :warningId""")
                .param("level", event.to().name())
                .param("rule", event.rule())
                .param("observed", event.observedValue())
                .param("threshold", event.threshold())
                .param("warningId", event.warningId())
                .update();
        history(event.warningId(), event.householdId(), "LEVEL_CHANGED", event.to().name(), event.rule(),
                event.observedValue(), event.threshold(), null, event.changedOn());
    }

    @EventHandler
    void on(WarningCleared event) {
        jdbc.sql("UPDATE warning SET cleared_on = :on WHERE warning_id = :warningId")
                .param("on", event.clearedOn())
                .param("warningId", event.warningId())
                .update();
        history(event.warningId(), event.householdId(), "CLEARED", null, event.rule(), null, null, event.reason(),
                event.clearedOn());
    }

    @EventHandler
    void on(ColourGradeChanged event) {
        jdbc.sql("UPDATE monitored_household SET colour_grade = :grade WHERE household_id = :id")
                .param("grade", event.to().name())
                .param("id", event.householdId())
                .update();
    }

    @EventHandler
    void on(MonthlyMonitoringMissed event) {
        jdbc.sql("""
                        INSERT INTO missed_monitoring (household_id, month, region_code, due_day, flagged_on)
                        VALUES (:id, :month, :region, :dueDay, :on)""")
                .param("id", event.householdId())
                .param("month", event.month().atDay(1))
                .param("region", event.regionCode())
                .param("dueDay", event.dueDay())
                .param("on", event.flaggedOn())
                .update();
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
        jdbc.sql("""
                        UPDATE monitored_household
                        SET closed_on = :on, closure_reason = :reason, visit_hazard_id = NULL, visit_requested_on = NULL
                        WHERE household_id = :id""")
                .param("on", event.closedOn())
                .param("reason", event.reason().name())
                .param("id", event.householdId())
                .update();
    }

    @EventHandler
    void on(ImmediateVisitRequested event) {
        jdbc.sql("""
                        UPDATE monitored_household SET visit_hazard_id = :hazard, visit_requested_on = :on
                        WHERE household_id = :id""")
                .param("hazard", event.hazardId())
                .param("on", event.requestedOn())
                .param("id", event.householdId())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE monitored_household, monthly_record, warning, warning_change, missed_monitoring").update();
    }

    /** A step in the warning's history, and the household's current level after it (none once cleared). */
    private void history(String warningId, String householdId, String change, String level, String rule,
                         Object observed, Object threshold, String reason, Object on) {
        jdbc.sql("""
                        WITH history AS (
                            INSERT INTO warning_change (warning_id, household_id, change, level, rule, observed,
                                threshold, reason, changed_on)
                            VALUES (:warningId, :id, :change, :level, :rule, :observed, :threshold, :reason, :on))
                        UPDATE monitored_household SET warning_level = :level WHERE household_id = :id""")
                .param("warningId", warningId)
                .param("id", householdId)
                .param("change", change)
                .param("level", level)
                .param("rule", rule)
                .param("observed", observed)
                .param("threshold", threshold)
                .param("reason", reason)
                .param("on", on)
                .update();
    }

    private void lookBack(String householdId, boolean lookBack) {
        jdbc.sql("UPDATE monitored_household SET look_back = :lookBack WHERE household_id = :id")
                .param("lookBack", lookBack)
                .param("id", householdId)
                .update();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("rigid expenditures cannot be written", e);
        }
    }
}
