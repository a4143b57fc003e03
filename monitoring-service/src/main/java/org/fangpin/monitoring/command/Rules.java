package org.fangpin.monitoring.command;

import java.time.LocalDate;
import java.time.YearMonth;

import org.fangpin.contracts.value.ClosureReason;
import org.fangpin.contracts.value.ContactMethod;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.platform.web.Rule;
import org.fangpin.platform.web.RuleViolation;

/** The rules a monthly record must keep, each a named record so that a refusal says which rule spoke. */
final class Rules {

    private Rules() {
    }

    /** A month is recorded during or after the month, never ahead of it. */
    record MonthHasBegun(YearMonth month, LocalDate recordedOn) implements Rule {
        public void verify() {
            if (month.isAfter(YearMonth.from(recordedOn))) {
                throw RuleViolation.of("MONITORING_MONTH_NOT_BEGUN", month, recordedOn);
            }
        }
    }

    /** Months before the household came under monitoring are not monitored. */
    record MonthWithinMonitoring(YearMonth month, LocalDate startedOn) implements Rule {
        public void verify() {
            if (month.isBefore(YearMonth.from(startedOn))) {
                throw RuleViolation.of("MONITORING_MONTH_BEFORE_START", month, startedOn);
            }
        }
    }

    /** 电话回访 is the exception: it says why there was no home visit. */
    record NoVisitNeedsReason(ContactMethod contactMethod, String noVisitReason) implements Rule {
        public void verify() {
            if (contactMethod == ContactMethod.PHONE && (noVisitReason == null || noVisitReason.isBlank())) {
                throw RuleViolation.of("MONITORING_NO_VISIT_REASON");
            }
        }
    }

    /** A closed monitoring takes no more records and cannot be closed again. */
    record MonitoringNotClosed(LocalDate closedOn) implements Rule {
        public void verify() {
            if (closedOn != null) {
                throw RuleViolation.conflict("MONITORING_CLOSED", closedOn);
            }
        }
    }

    /**
     * A household still at risk is closed only when it no longer exists in the county (整户消亡, 整户迁出); a stable
     * household only after its risk was eliminated (look-back) and with no warning open.
     */
    record ClosureOnlyWhenStable(ClosureReason reason, boolean lookBack, WarningLevel openLevel) implements Rule {
        public void verify() {
            if (reason != ClosureReason.STABLE_AFTER_LOOK_BACK) {
                return;
            }
            if (!lookBack) {
                throw RuleViolation.of("MONITORING_CLOSURE_RISK_NOT_ELIMINATED");
            }
            if (openLevel != null) {
                throw RuleViolation.of("MONITORING_CLOSURE_WARNING_OPEN");
            }
        }
    }
}
