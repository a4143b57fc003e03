package org.fangpin.assistance.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.fangpin.contracts.value.ClosureReason;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.MeasureStatus;
import org.fangpin.contracts.value.MeasureType;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.ReviewLevel;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.platform.web.BusinessDay;

/** The commands of assistance (帮扶), risk elimination (风险消除) and rollback (风险回退), one per step. */
public final class Commands {

    private Commands() {
    }

    /** 建立帮扶案例 — open the case (一户一策) of an identified household, or reopen it on re-identification. */
    public record OpenAssistanceCaseCommand(@TargetAggregateIdentifier String householdId, String regionCode,
                                            ObjectType objectType, List<RiskType> riskTypes,
                                            LabourCapacity labourCapacity, LocalDate openedOn) {
    }

    /** 终止监测: the county closed the household's monitoring, so its case closes with the county's reason. */
    public record CloseAssistanceCaseCommand(@TargetAggregateIdentifier String householdId, ClosureReason reason,
                                             LocalDate closedOn) {
    }

    /** 制定帮扶措施 */
    public record AddMeasureCommand(@TargetAggregateIdentifier String householdId, String measureId,
                                    MeasureType measureType, String description, List<RiskType> riskTypes,
                                    String department, String responsiblePerson, LocalDate dueDate,
                                    LocalDate today) {
    }

    /**
     * 帮扶措施进展: any of status, progress note, outcome, income effect and a new deadline.
     *
     * @param gradualExitMonths the policy's gradual-exit period for safety-net measures (渐退期)
     */
    public record UpdateMeasureCommand(@TargetAggregateIdentifier String householdId, String measureId,
                                       MeasureStatus status, String progressNote, String outcome,
                                       BigDecimal incomeEffect, LocalDate dueDate, int gradualExitMonths,
                                       LocalDate today) {
    }

    /** 限时办结: flag a measure past its deadline (once per deadline). */
    public record FlagMeasureOverdueCommand(@TargetAggregateIdentifier String householdId, String measureId,
                                            LocalDate today) {
    }

    /** 渐退期满: end a safety-net measure whose gradual exit is over. */
    public record CompleteGradualExitCommand(@TargetAggregateIdentifier String householdId, String measureId,
                                             LocalDate today) {
    }

    /** A warning from monitoring attaches to the case and waits for a response. */
    public record AttachWarningCommand(@TargetAggregateIdentifier String householdId, String warningId,
                                       WarningLevel level, String rule, String reason, LocalDate raisedOn) {
    }

    public record ChangeWarningLevelCommand(@TargetAggregateIdentifier String householdId, String warningId,
                                            WarningLevel level, LocalDate changedOn) {
    }

    public record CloseWarningCommand(@TargetAggregateIdentifier String householdId, String warningId,
                                      LocalDate clearedOn) {
    }

    /** 预警响应 with a recorded reason (a new or changed measure responds by itself). */
    public record RespondToWarningCommand(@TargetAggregateIdentifier String householdId, String warningId,
                                          String reason, LocalDate today) {
    }

    /** Flag a warning that got no response within the policy's days (once). */
    public record FlagWarningResponseOverdueCommand(@TargetAggregateIdentifier String householdId,
                                                    String warningId, LocalDate dueOn, LocalDate today) {
    }

    /** 开发式帮扶确认 at village, then township level. */
    public record ConfirmDevelopmentalAssistanceCommand(@TargetAggregateIdentifier String householdId,
                                                        ReviewLevel level, LocalDate today) {
    }

    /** 整户无劳动能力兜底保障户认定 at village, then township level. */
    public record DesignateSafetyNetHouseholdCommand(@TargetAggregateIdentifier String householdId,
                                                     ReviewLevel level, String reason, LocalDate today) {
    }

    /**
     * 风险消除村级申请, judged on the monitoring facts and the policy as of the day it was made.
     *
     * @param proposed the day the village proposed (business date), the day it is recorded, the policy's backdating
     *                 allowance and the note
     */
    public record ProposeEliminationCommand(@TargetAggregateIdentifier String householdId, MonitoringFacts facts,
                                            BusinessDay proposed) {
    }

    /** 风险消除乡镇核实, on the day the township verified. */
    public record VerifyEliminationCommand(@TargetAggregateIdentifier String householdId, BusinessDay verified) {
    }

    /** 风险消除县级审定, judged again on the facts as of the day the county approved. */
    public record ApproveEliminationCommand(@TargetAggregateIdentifier String householdId, MonitoringFacts facts,
                                            BusinessDay approved) {
    }

    /** 退回 by the township (a proposal) or the county (a verified proposal). */
    public record ReturnEliminationCommand(@TargetAggregateIdentifier String householdId, ReviewLevel level,
                                           String reason, LocalDate today) {
    }

    /** 风险回退申请, on the day the village proposed. */
    public record ProposeRollbackCommand(@TargetAggregateIdentifier String householdId, String reason,
                                         BusinessDay proposed) {
    }

    /** 风险回退乡镇审核, on the day the township agreed. */
    public record VerifyRollbackCommand(@TargetAggregateIdentifier String householdId, BusinessDay verified) {
    }

    /** 风险回退县级审定, on the day the county approved. */
    public record ApproveRollbackCommand(@TargetAggregateIdentifier String householdId, BusinessDay approved) {
    }

    public record ReturnRollbackCommand(@TargetAggregateIdentifier String householdId, ReviewLevel level,
                                        String reason, LocalDate today) {
    }

    /**
     * 存量导入 of a measure of the plan as it went before go-live, on its own days: planned on {@code addedOn},
     * started on {@code startedOn} and completed with its outcome on {@code completedOn} (each {@code null} when
     * it did not happen). Judged by the live rules on those days; a measure imported already is left unchanged.
     */
    public record ImportMeasureCommand(@TargetAggregateIdentifier String householdId, String measureId,
                                       MeasureType measureType, String description, List<RiskType> riskTypes,
                                       String department, String responsiblePerson, LocalDate dueDate,
                                       LocalDate addedOn, LocalDate startedOn, LocalDate completedOn,
                                       String outcome, BigDecimal incomeEffect, LocalDate today) {
    }

    /**
     * 存量导入 of an elimination approved before go-live: its three steps on their days, the criteria judged as live
     * on the facts as of the proposal and of the approval. The national system's elimination implies the
     * development-type help was confirmed; where it is not confirmed here, it is on the proposal's day. An
     * elimination approved here on that day already is left unchanged.
     */
    public record ImportEliminationCommand(@TargetAggregateIdentifier String householdId,
                                           MonitoringFacts proposalFacts, MonitoringFacts approvalFacts,
                                           BusinessDay proposed, BusinessDay verified, BusinessDay approved) {
    }

    /** 存量导入 of a rollback approved before go-live, its three steps on their days; left unchanged when done. */
    public record ImportRollbackCommand(@TargetAggregateIdentifier String householdId, String reason,
                                        BusinessDay proposed, BusinessDay verified, BusinessDay approved) {
    }

    /** 风险再标注: a new, different risk after elimination goes back to identification. */
    public record ReportNewRiskCommand(@TargetAggregateIdentifier String householdId, List<RiskType> riskTypes,
                                       String reason, LocalDate today) {
    }
}
