package org.fangpin.assistance.query;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
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

/**
 * The assistance cases, their measures, warnings and elimination decisions, for this service's screens and
 * deadline scans. Subscribing, so a refusal or a list read right after a command sees its effect.
 */
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
                        VALUES (:id, :region, :type, :risks, :labour, :on)
                        ON CONFLICT (household_id) DO UPDATE
                        SET object_type = EXCLUDED.object_type, risk_types = EXCLUDED.risk_types,
                            labour_capacity = EXCLUDED.labour_capacity, opened_on = EXCLUDED.opened_on,
                            status = 'RISK_NOT_ELIMINATED', elimination_step = NULL, rollback_step = NULL,
                            developmental_confirmation = NULL, eliminated_on = NULL, closed_on = NULL,
                            closure_reason = NULL""")
                .param("id", event.householdId())
                .param("region", event.regionCode())
                .param("type", event.objectType().name())
                .param("risks", names(event.riskTypes()))
                .param("labour", event.labourCapacity() == null ? null : event.labourCapacity().name())
                .param("on", event.openedOn())
                .update();
    }

    @EventHandler
    void on(MeasureAdded event) {
        jdbc.sql("""
                        INSERT INTO measure (measure_id, household_id, region_code, measure_type, description,
                                             risk_types, department, responsible_person, due_date, status,
                                             added_on, updated_on)
                        VALUES (:id, :household, :region, :type, :description, :risks, :department, :person, :due,
                                :status, :on, :on)""")
                .param("id", event.measureId())
                .param("household", event.householdId())
                .param("region", event.regionCode())
                .param("type", event.measureType().name())
                .param("description", event.description())
                .param("risks", event.riskTypes() == null ? "" : names(event.riskTypes()))
                .param("department", event.department())
                .param("person", event.responsiblePerson())
                .param("due", event.dueDate())
                .param("status", MeasureStatus.PLANNED.name())
                .param("on", event.plannedOn())
                .update();
    }

    /** A new deadline lifts the overdue mark: the measure is judged against the new date. */
    @EventHandler
    void on(MeasureUpdated event, @MetaDataValue(Actor.NAME) String actorName) {
        jdbc.sql("""
                        UPDATE measure SET status = COALESCE(:status, status), outcome = COALESCE(:outcome, outcome),
                               income_effect = COALESCE(:income, income_effect), due_date = COALESCE(:due, due_date),
                               overdue_since = CASE WHEN :liftsOverdue THEN NULL ELSE overdue_since END,
                               updated_on = :on
                        WHERE measure_id = :id""")
                .param("status", event.status() == null ? null : event.status().name())
                .param("outcome", event.outcome())
                .param("income", event.incomeEffect())
                .param("due", event.dueDate())
                .param("liftsOverdue", event.dueDate() != null
                        || (event.status() != null && event.status().closed()))
                .param("on", event.happenedOnOrRecorded())
                .param("id", event.measureId())
                .update();
        if (event.progressNote() != null) {
            jdbc.sql("""
                            INSERT INTO measure_progress (measure_id, noted_on, note, noted_by)
                            VALUES (:id, :on, :note, :by)""")
                    .param("id", event.measureId())
                    .param("on", event.happenedOnOrRecorded())
                    .param("note", event.progressNote())
                    .param("by", actorName)
                    .update();
        }
    }

    @EventHandler
    void on(MeasureOverdue event) {
        jdbc.sql("UPDATE measure SET overdue_since = :on WHERE measure_id = :id")
                .param("on", event.flaggedOn()).param("id", event.measureId()).update();
    }

    @EventHandler
    void on(GradualExitStarted event) {
        jdbc.sql("""
                        UPDATE measure SET status = 'GRADUAL_EXIT', gradual_exit_ends_on = :ends, overdue_since = NULL,
                               updated_on = :on
                        WHERE measure_id = :id""")
                .param("ends", event.endsOn()).param("on", event.startedOn()).param("id", event.measureId())
                .update();
    }

    @EventHandler
    void on(GradualExitCompleted event) {
        jdbc.sql("UPDATE measure SET status = 'ENDED', updated_on = :on WHERE measure_id = :id")
                .param("on", event.endedOn()).param("id", event.measureId()).update();
    }

    /** A warning raised again after it was cleared is open again, waiting for a new response. */
    @EventHandler
    void on(WarningAttached event) {
        jdbc.sql("""
                        INSERT INTO case_warning (warning_id, household_id, region_code, level, rule, reason,
                                                  raised_on, look_back)
                        VALUES (:id, :household, :region, :level, :rule, :reason, :on, :lookBack)
                        ON CONFLICT (warning_id) DO UPDATE
                        SET level = EXCLUDED.level, rule = EXCLUDED.rule, reason = EXCLUDED.reason,
                            raised_on = EXCLUDED.raised_on, look_back = EXCLUDED.look_back, responded_on = NULL,
                            response_measure_id = NULL, response_reason = NULL, response_overdue_on = NULL,
                            closed_on = NULL""")
                .param("id", event.warningId())
                .param("household", event.householdId())
                .param("region", event.regionCode())
                .param("level", event.level().name())
                .param("rule", event.rule())
                .param("reason", event.reason())
                .param("on", event.raisedOn())
                .param("lookBack", event.lookBack())
                .update();
    }

    @EventHandler
    void on(WarningLevelNoted event) {
        if (event.escalated()) {
            jdbc.sql("""
                            UPDATE case_warning SET level = :level, raised_on = :on, responded_on = NULL,
                                   response_measure_id = NULL, response_reason = NULL, response_overdue_on = NULL
                            WHERE warning_id = :id""")
                    .param("level", event.level().name()).param("on", event.changedOn()).param("id", event.warningId())
                    .update();
        } else {
            jdbc.sql("UPDATE case_warning SET level = :level WHERE warning_id = :id")
                    .param("level", event.level().name()).param("id", event.warningId()).update();
        }
    }

    @EventHandler
    void on(WarningClosed event) {
        jdbc.sql("UPDATE case_warning SET closed_on = :on WHERE warning_id = :id")
                .param("on", event.closedOn()).param("id", event.warningId()).update();
    }

    @EventHandler
    void on(WarningResponded event) {
        jdbc.sql("""
                        UPDATE case_warning SET responded_on = :on, response_measure_id = :measure,
                               response_reason = :reason
                        WHERE warning_id = :id""")
                .param("on", event.respondedOn())
                .param("measure", event.measureId())
                .param("reason", event.reason())
                .param("id", event.warningId())
                .update();
    }

    @EventHandler
    void on(WarningResponseOverdue event) {
        jdbc.sql("UPDATE case_warning SET response_overdue_on = :on WHERE warning_id = :id")
                .param("on", event.flaggedOn()).param("id", event.warningId()).update();
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
        jdbc.sql("""
                        UPDATE assistance_case SET status = 'RISK_ELIMINATED', elimination_step = NULL,
                               eliminated_on = :on
                        WHERE household_id = :id""")
                .param("on", event.eliminatedOn()).param("id", event.householdId()).update();
        jdbc.sql("""
                        INSERT INTO elimination_decision (household_id, eliminated_on, evidence)
                        VALUES (:id, :on, CAST(:evidence AS jsonb))""")
                .param("id", event.householdId())
                .param("on", event.eliminatedOn())
                .param("evidence", json(event.evidence()))
                .update();
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
        jdbc.sql("""
                        UPDATE assistance_case SET status = 'RISK_NOT_ELIMINATED', rollback_step = NULL,
                               eliminated_on = NULL
                        WHERE household_id = :id""")
                .param("id", event.householdId()).update();
        jdbc.sql("""
                        UPDATE elimination_decision SET rolled_back_on = :on
                        WHERE id = (SELECT max(id) FROM elimination_decision WHERE household_id = :id)""")
                .param("on", event.rolledBackOn()).param("id", event.householdId()).update();
    }

    /** A closed case's measures are no longer overdue; the scans leave its measures and warnings alone. */
    @EventHandler
    void on(AssistanceCaseClosed event) {
        jdbc.sql("""
                        UPDATE assistance_case SET status = 'CLOSED', closed_on = :on, closure_reason = :reason
                        WHERE household_id = :id""")
                .param("on", event.closedOn()).param("reason", event.reason().name())
                .param("id", event.householdId()).update();
        jdbc.sql("UPDATE measure SET overdue_since = NULL WHERE household_id = :id AND overdue_since IS NOT NULL")
                .param("id", event.householdId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE assistance_case, measure, measure_progress, case_warning, elimination_decision").update();
    }

    /** {@code column} is one of this class's constants, never input. */
    private void setCase(String householdId, String column, String value) {
        jdbc.sql("UPDATE assistance_case SET " + column + " = :value WHERE household_id = :id")
                .param("value", value).param("id", householdId).update();
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
