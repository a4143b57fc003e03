package org.fangpin.assistance.command;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.fangpin.assistance.command.EliminationCriteria.Assessment;
import org.fangpin.contracts.assistance.EliminationCriterion;
import org.fangpin.contracts.value.ClosureReason;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.MeasureStatus;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.platform.web.Rule;
import org.fangpin.platform.web.RuleViolation;

/** The rules of assistance, elimination and rollback, each a named record so that a refusal says which rule spoke. */
final class Rules {

    private Rules() {
    }

    /** 限时办结: a deadline lies ahead. */
    record DueDateNotInPast(LocalDate dueDate, LocalDate today) implements Rule {
        public void verify() {
            if (dueDate != null && dueDate.isBefore(today)) {
                throw RuleViolation.of("MEASURE_DUE_DATE_PAST", dueDate, today);
            }
        }
    }

    /** A case closed with the household's monitoring (终止监测) takes no further step (409). */
    record CaseOpen(ClosureReason closedFor) implements Rule {
        public void verify() {
            if (closedFor != null) {
                throw RuleViolation.conflict("ASSISTANCE_CASE_CLOSED", closedFor.chineseName(), english(closedFor));
            }
        }
    }

    /**
     * 防止“一兜了之”: a household that can work does not get safety-net support without development-type help, when
     * the support is added and when the plan's only development-type measure would end without ever being started.
     *
     * @param safetyNet               whether the plan would hold safety-net support
     * @param hasDevelopmentalMeasure whether it would hold development-type help besides
     */
    record NoSafetyNetOnlyPlan(boolean safetyNet, LabourCapacity labourCapacity, boolean hasDevelopmentalMeasure)
            implements Rule {
        public void verify() {
            if (safetyNet && labourCapacity != LabourCapacity.NONE && !hasDevelopmentalMeasure) {
                throw RuleViolation.of("SAFETY_NET_ONLY_PLAN");
            }
        }
    }

    /** A measure is completed (已完成) with its outcome (帮扶成效) on record: elimination judges by it. */
    record CompletionRecordsOutcome(String measureId, MeasureStatus to, boolean outcomeRecorded) implements Rule {
        public void verify() {
            if (to == MeasureStatus.COMPLETED && !outcomeRecorded) {
                throw RuleViolation.of("MEASURE_OUTCOME_REQUIRED", measureId);
            }
        }
    }

    record MeasureExists(Object measure, String measureId) implements Rule {
        public void verify() {
            if (measure == null) {
                throw RuleViolation.notFound("MEASURE_NOT_FOUND", measureId);
            }
        }
    }

    /** A completed or ended measure stays as it was. */
    record MeasureStillOpen(String measureId, MeasureStatus status) implements Rule {
        public void verify() {
            if (status.closed()) {
                throw RuleViolation.conflict("MEASURE_CLOSED", measureId, status.chineseName(), english(status));
            }
        }
    }

    /** During its gradual exit a measure takes notes but no other change; the exit ends it. */
    record NoChangeDuringGradualExit(String measureId, MeasureStatus status, boolean changesMoreThanNotes)
            implements Rule {
        public void verify() {
            if (status == MeasureStatus.GRADUAL_EXIT && changesMoreThanNotes) {
                throw RuleViolation.conflict("MEASURE_IN_GRADUAL_EXIT", measureId);
            }
        }
    }

    /** Status moves forward: 已制定 → 落实中 → 已完成 / 已终止; 渐退期 is entered only by ending a safety-net measure. */
    record StatusMovesForward(MeasureStatus from, MeasureStatus to) implements Rule {
        public void verify() {
            if (to != null && (to == MeasureStatus.GRADUAL_EXIT || to.ordinal() < from.ordinal())) {
                throw RuleViolation.of("MEASURE_STATUS_NOT_ALLOWED", from.chineseName(), to.chineseName(),
                        english(from), english(to));
            }
        }
    }

    record UpdateChangesSomething(boolean empty) implements Rule {
        public void verify() {
            if (empty) {
                throw RuleViolation.of("MEASURE_UPDATE_EMPTY");
            }
        }
    }

    record WarningIsOpen(Object warning, String warningId) implements Rule {
        public void verify() {
            if (warning == null) {
                throw RuleViolation.notFound("WARNING_NOT_OPEN", warningId);
            }
        }
    }

    record WarningNotYetAnswered(String warningId, boolean responded) implements Rule {
        public void verify() {
            if (responded) {
                throw RuleViolation.conflict("WARNING_ALREADY_RESPONDED", warningId);
            }
        }
    }

    /** 开发式帮扶 is for households with labour capacity. */
    record DevelopmentalNeedsLabourCapacity(LabourCapacity labourCapacity) implements Rule {
        public void verify() {
            if (labourCapacity == LabourCapacity.NONE) {
                throw RuleViolation.of("DEVELOPMENTAL_NEEDS_LABOUR_CAPACITY");
            }
        }
    }

    /** 已实施开发式帮扶 is confirmed on a development-type measure carried out. */
    record DevelopmentalMeasureCarriedOut(List<String> measureIds) implements Rule {
        public void verify() {
            if (measureIds.isEmpty()) {
                throw RuleViolation.of("DEVELOPMENTAL_MEASURE_MISSING");
            }
        }
    }

    /** 整户无劳动能力兜底保障户 is for whole households without labour capacity. */
    record SafetyNetNeedsNoLabourCapacity(LabourCapacity labourCapacity) implements Rule {
        public void verify() {
            if (labourCapacity != LabourCapacity.NONE) {
                throw RuleViolation.of("SAFETY_NET_NEEDS_NO_LABOUR_CAPACITY");
            }
        }
    }

    /** A step taken once is not taken again (409 with the step's code). */
    record NotTakenYet(String code, boolean taken) implements Rule {
        public void verify() {
            if (taken) {
                throw RuleViolation.conflict(code);
            }
        }
    }

    /** The village confirms or proposes before the township does. */
    record VillageBeforeTownship(String code, boolean villageDone) implements Rule {
        public void verify() {
            if (!villageDone) {
                throw RuleViolation.conflict(code);
            }
        }
    }

    /** Elimination and rollback go village → township → county, each step after the one before. */
    record StepOrder(String code, Step step, Step required) implements Rule {
        public void verify() {
            if (step != required) {
                throw RuleViolation.conflict(code, step == null ? "-" : step, required == null ? "-" : required);
            }
        }
    }

    /** A risk is eliminated once; approving again is refused. */
    record RiskNotYetEliminated(boolean eliminated) implements Rule {
        public void verify() {
            if (eliminated) {
                throw RuleViolation.conflict("RISK_ALREADY_ELIMINATED");
            }
        }
    }

    /** Rollback and re-marking (风险再标注) concern households whose risk was eliminated. */
    record RiskWasEliminated(String code, boolean eliminated) implements Rule {
        public void verify() {
            if (!eliminated) {
                throw RuleViolation.conflict(code);
            }
        }
    }

    /** The refusal names each failed criterion, in Chinese and in English. */
    record EliminationCriteriaMet(Assessment assessment) implements Rule {
        public void verify() {
            if (!assessment.met()) {
                List<EliminationCriterion> failed = assessment.failed();
                throw RuleViolation.of("ELIMINATION_CRITERIA_NOT_MET",
                        failed.stream().map(EliminationCriterion::chineseName).collect(Collectors.joining("；")),
                        failed.stream().map(EliminationCriterion::englishName).collect(Collectors.joining("; ")),
                        failed.stream().map(Enum::name).collect(Collectors.joining(",")));
            }
        }
    }

    /** How an English message names a status or reason that the Chinese one gives by its Chinese name. */
    static String english(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A risk already identified is a rollback, not a new risk. */
    record NewRiskIsDifferent(List<RiskType> identified, List<RiskType> reported) implements Rule {
        public void verify() {
            if (identified.containsAll(reported)) {
                throw RuleViolation.of("NEW_RISK_NOT_NEW");
            }
        }
    }
}
