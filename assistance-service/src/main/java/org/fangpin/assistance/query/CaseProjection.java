package org.fangpin.assistance.query;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.assistance.command.CaseEvents.WarningAttached;
import org.fangpin.assistance.command.CaseEvents.WarningClosed;
import org.fangpin.assistance.command.CaseEvents.WarningLevelNoted;
import org.fangpin.contracts.assistance.AssistanceCaseClosed;
import org.fangpin.contracts.assistance.AssistanceCaseOpened;
import org.fangpin.contracts.assistance.DevelopmentalAssistanceConfirmed;
import org.fangpin.contracts.assistance.DevelopmentalAssistanceVillageConfirmed;
import org.fangpin.contracts.assistance.EliminationEvidence;
import org.fangpin.contracts.assistance.GradualExitCompleted;
import org.fangpin.contracts.assistance.GradualExitStarted;
import org.fangpin.contracts.assistance.MeasureAdded;
import org.fangpin.contracts.assistance.MeasureOverdue;
import org.fangpin.contracts.assistance.MeasureUpdated;
import org.fangpin.contracts.assistance.RiskEliminated;
import org.fangpin.contracts.assistance.RiskEliminationProposed;
import org.fangpin.contracts.assistance.RiskEliminationReturned;
import org.fangpin.contracts.assistance.RiskEliminationVerified;
import org.fangpin.contracts.assistance.RiskRollbackProposed;
import org.fangpin.contracts.assistance.RiskRollbackReturned;
import org.fangpin.contracts.assistance.RiskRollbackVerified;
import org.fangpin.contracts.assistance.RiskRolledBack;
import org.fangpin.contracts.assistance.SafetyNetHouseholdDesignated;
import org.fangpin.contracts.assistance.SafetyNetHouseholdProposed;
import org.fangpin.contracts.assistance.WarningResponded;
import org.fangpin.contracts.assistance.WarningResponseOverdue;
import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.contracts.value.MeasureStatus;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.axon.ProjectionWriter;

/**
 * The assistance cases, their measures, warnings and elimination decisions, for this service's screens and
 * deadline scans. Subscribing, so a refusal or a list read right after a command sees its effect; written through the
 * {@link ProjectionWriter}, keyed by household, so that an import's batch of cases reaches PostgreSQL in a few JDBC
 * batches.
 */
@Component
@ProcessingGroup(CaseProjection.PROCESSING_GROUP)
class CaseProjection {

    static final String PROCESSING_GROUP = "ReadModel_AssistanceCases";

    private final JdbcClient jdbc;
    private final ProjectionWriter writer;

    CaseProjection(JdbcClient jdbc, ProjectionWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
    }

    @EventHandler
    void on(AssistanceCaseOpened event) {
        writer.write(event.householdId(), """
                        INSERT INTO assistance_case (household_id, region_code, object_type, risk_types,
                                                     labour_capacity, opened_on)
                        VALUES (:id, :region, :type, :risks, :labour, :on)
                        ON CONFLICT (household_id) DO UPDATE
                        SET object_type = EXCLUDED.object_type, risk_types = EXCLUDED.risk_types,
                            labour_capacity = EXCLUDED.labour_capacity, opened_on = EXCLUDED.opened_on,
                            status = 'RISK_NOT_ELIMINATED', elimination_step = NULL, rollback_step = NULL,
                            developmental_confirmation = NULL, eliminated_on = NULL, closed_on = NULL,
                            closure_reason = NULL""", new MapSqlParameterSource()
                .addValue("id", event.householdId())
                .addValue("region", event.regionCode())
                .addValue("type", event.objectType().name())
                .addValue("risks", names(event.riskTypes()))
                .addValue("labour", event.labourCapacity() == null ? null : event.labourCapacity().name())
                .addValue("on", event.openedOn()));
    }

    @EventHandler
    void on(MeasureAdded event) {
        writer.write(event.householdId(), """
                        INSERT INTO measure (measure_id, household_id, region_code, measure_type, description,
                                             risk_types, department, responsible_person, due_date, status,
                                             added_on, updated_on)
                        VALUES (:id, :household, :region, :type, :description, :risks, :department, :person, :due,
                                :status, :on, :on)""", new MapSqlParameterSource()
                .addValue("id", event.measureId())
                .addValue("household", event.householdId())
                .addValue("region", event.regionCode())
                .addValue("type", event.measureType().name())
                .addValue("description", event.description())
                .addValue("risks", event.riskTypes() == null ? "" : names(event.riskTypes()))
                .addValue("department", event.department())
                .addValue("person", event.responsiblePerson())
                .addValue("due", event.dueDate())
                .addValue("status", MeasureStatus.PLANNED.name())
                .addValue("on", event.plannedOn()));
    }

    /** A new deadline lifts the overdue mark: the measure is judged against the new date. */
    @EventHandler
    void on(MeasureUpdated event, @MetaDataValue(Actor.NAME) String actorName) {
        writer.write(event.householdId(), """
                        UPDATE measure SET status = COALESCE(:status, status), outcome = COALESCE(:outcome, outcome),
                               income_effect = COALESCE(:income, income_effect), due_date = COALESCE(:due, due_date),
                               overdue_since = CASE WHEN :liftsOverdue THEN NULL ELSE overdue_since END,
                               updated_on = :on
                        WHERE measure_id = :id""", new MapSqlParameterSource()
                .addValue("status", event.status() == null ? null : event.status().name())
                .addValue("outcome", event.outcome())
                .addValue("income", event.incomeEffect())
                .addValue("due", event.dueDate())
                .addValue("liftsOverdue", event.dueDate() != null
                        || (event.status() != null && event.status().closed()))
                .addValue("on", event.happenedOnOrRecorded())
                .addValue("id", event.measureId()));
        if (event.progressNote() != null) {
            writer.write(event.householdId(), """
                            INSERT INTO measure_progress (measure_id, noted_on, note, noted_by)
                            VALUES (:id, :on, :note, :by)""", new MapSqlParameterSource()
                    .addValue("id", event.measureId())
                    .addValue("on", event.happenedOnOrRecorded())
                    .addValue("note", event.progressNote())
                    .addValue("by", actorName));
        }
    }

    @EventHandler
    void on(MeasureOverdue event) {
        writer.write(event.householdId(), "UPDATE measure SET overdue_since = :on WHERE measure_id = :id", new MapSqlParameterSource()
                .addValue("on", event.flaggedOn())
                .addValue("id", event.measureId()));
    }

    @EventHandler
    void on(GradualExitStarted event) {
        writer.write(event.householdId(), """
                        UPDATE measure SET status = 'GRADUAL_EXIT', gradual_exit_ends_on = :ends, overdue_since = NULL,
                               updated_on = :on
                        WHERE measure_id = :id""", new MapSqlParameterSource()
                .addValue("ends", event.endsOn())
                .addValue("on", event.startedOn())
                .addValue("id", event.measureId()));
    }

    @EventHandler
    void on(GradualExitCompleted event) {
        writer.write(event.householdId(), "UPDATE measure SET status = 'ENDED', updated_on = :on WHERE measure_id = :id", new MapSqlParameterSource()
                .addValue("on", event.endedOn())
                .addValue("id", event.measureId()));
    }

    /** A warning raised again after it was cleared is open again, waiting for a new response. */
    @EventHandler
    void on(WarningAttached event) {
        writer.write(event.householdId(), """
                        INSERT INTO case_warning (warning_id, household_id, region_code, level, rule, reason,
                                                  raised_on, look_back)
                        VALUES (:id, :household, :region, :level, :rule, :reason, :on, :lookBack)
                        ON CONFLICT (warning_id) DO UPDATE
                        SET level = EXCLUDED.level, rule = EXCLUDED.rule, reason = EXCLUDED.reason,
                            raised_on = EXCLUDED.raised_on, look_back = EXCLUDED.look_back, responded_on = NULL,
                            response_measure_id = NULL, response_reason = NULL, response_overdue_on = NULL,
                            closed_on = NULL""", new MapSqlParameterSource()
                .addValue("id", event.warningId())
                .addValue("household", event.householdId())
                .addValue("region", event.regionCode())
                .addValue("level", event.level().name())
                .addValue("rule", event.rule())
                .addValue("reason", event.reason())
                .addValue("on", event.raisedOn())
                .addValue("lookBack", event.lookBack()));
    }

    @EventHandler
    void on(WarningLevelNoted event) {
        if (event.escalated()) {
            writer.write(event.householdId(), """
                            UPDATE case_warning SET level = :level, raised_on = :on, responded_on = NULL,
                                   response_measure_id = NULL, response_reason = NULL, response_overdue_on = NULL
                            WHERE warning_id = :id""", new MapSqlParameterSource()
                    .addValue("level", event.level().name())
                    .addValue("on", event.changedOn())
                    .addValue("id", event.warningId()));
        } else {
            writer.write(event.householdId(), "UPDATE case_warning SET level = :level WHERE warning_id = :id", new MapSqlParameterSource()
                    .addValue("level", event.level().name())
                    .addValue("id", event.warningId()));
        }
    }

    @EventHandler
    void on(WarningClosed event) {
        writer.write(event.householdId(), "UPDATE case_warning SET closed_on = :on WHERE warning_id = :id", new MapSqlParameterSource()
                .addValue("on", event.closedOn())
                .addValue("id", event.warningId()));
    }

    @EventHandler
    void on(WarningResponded event) {
        writer.write(event.householdId(), """
                        UPDATE case_warning SET responded_on = :on, response_measure_id = :measure,
                               response_reason = :reason
                        WHERE warning_id = :id""", new MapSqlParameterSource()
                .addValue("on", event.respondedOn())
                .addValue("measure", event.measureId())
                .addValue("reason", event.reason())
                .addValue("id", event.warningId()));
    }

    @EventHandler
    void on(WarningResponseOverdue event) {
        writer.write(event.householdId(), "UPDATE case_warning SET response_overdue_on = :on WHERE warning_id = :id", new MapSqlParameterSource()
                .addValue("on", event.flaggedOn())
                .addValue("id", event.warningId()));
    }

    @EventHandler
    void on(DevelopmentalAssistanceVillageConfirmed event) {
        setCase(event.householdId(), "developmental_confirmation", "VILLAGE");
    }

    @EventHandler
    void on(DevelopmentalAssistanceConfirmed event) {
        setCase(event.householdId(), "developmental_confirmation", "CONFIRMED");
    }

    @EventHandler
    void on(SafetyNetHouseholdProposed event) {
        setCase(event.householdId(), "safety_net", "PROPOSED");
    }

    @EventHandler
    void on(SafetyNetHouseholdDesignated event) {
        setCase(event.householdId(), "safety_net", "DESIGNATED");
    }

    @EventHandler
    void on(RiskEliminationProposed event) {
        setCase(event.householdId(), "elimination_step", "PROPOSED");
    }

    @EventHandler
    void on(RiskEliminationVerified event) {
        setCase(event.householdId(), "elimination_step", "VERIFIED");
    }

    @EventHandler
    void on(RiskEliminationReturned event) {
        setCase(event.householdId(), "elimination_step", null);
    }

    @EventHandler
    void on(RiskEliminated event) {
        writer.write(event.householdId(), """
                        UPDATE assistance_case SET status = 'RISK_ELIMINATED', elimination_step = NULL,
                               eliminated_on = :on
                        WHERE household_id = :id""", new MapSqlParameterSource()
                .addValue("on", event.eliminatedOn())
                .addValue("id", event.householdId()));
        writer.write(event.householdId(), """
                        INSERT INTO elimination_decision (household_id, eliminated_on, evidence)
                        VALUES (:id, :on, CAST(:evidence AS jsonb))""", new MapSqlParameterSource()
                .addValue("id", event.householdId())
                .addValue("on", event.eliminatedOn())
                .addValue("evidence", json(event.evidence())));
    }

    @EventHandler
    void on(RiskRollbackProposed event) {
        setCase(event.householdId(), "rollback_step", "PROPOSED");
    }

    @EventHandler
    void on(RiskRollbackVerified event) {
        setCase(event.householdId(), "rollback_step", "VERIFIED");
    }

    @EventHandler
    void on(RiskRollbackReturned event) {
        setCase(event.householdId(), "rollback_step", null);
    }

    @EventHandler
    void on(RiskRolledBack event) {
        writer.write(event.householdId(), """
                        UPDATE assistance_case SET status = 'RISK_NOT_ELIMINATED', rollback_step = NULL,
                               eliminated_on = NULL
                        WHERE household_id = :id""", new MapSqlParameterSource()
                .addValue("id", event.householdId()));
        writer.write(event.householdId(), """
                        UPDATE elimination_decision SET rolled_back_on = :on
                        WHERE id = (SELECT max(id) FROM elimination_decision WHERE household_id = :id)""", new MapSqlParameterSource()
                .addValue("on", event.rolledBackOn())
                .addValue("id", event.householdId()));
    }

    /** A closed case's measures are no longer overdue; the scans leave its measures and warnings alone. */
    @EventHandler
    void on(AssistanceCaseClosed event) {
        writer.write(event.householdId(), """
                        UPDATE assistance_case SET status = 'CLOSED', closed_on = :on, closure_reason = :reason
                        WHERE household_id = :id""", new MapSqlParameterSource()
                .addValue("on", event.closedOn())
                .addValue("reason", event.reason().name())
                .addValue("id", event.householdId()));
        writer.write(event.householdId(), "UPDATE measure SET overdue_since = NULL WHERE household_id = :id AND overdue_since IS NOT NULL", new MapSqlParameterSource()
                .addValue("id", event.householdId()));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE assistance_case, measure, measure_progress, case_warning, elimination_decision").update();
    }

    /** {@code column} is one of this class's constants, never input. */
    private void setCase(String householdId, String column, String value) {
        writer.write(householdId, "UPDATE assistance_case SET " + column + " = :value WHERE household_id = :id", new MapSqlParameterSource()
                .addValue("value", value)
                .addValue("id", householdId));
    }

    private static String names(List<RiskType> risks) {
        return risks.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static String json(EliminationEvidence evidence) {
        try {
            return EnvelopeCodec.mapper().writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("evidence cannot be written as JSON", e);
        }
    }
}
