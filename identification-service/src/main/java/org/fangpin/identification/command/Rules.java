package org.fangpin.identification.command;

import org.fangpin.platform.web.Rule;
import org.fangpin.platform.web.RuleViolation;

/** The rules of the identification procedure, each a named record so that a refusal says which rule spoke. */
final class Rules {

    private Rules() {
    }

    /** One open identification case per household at a time. */
    record OneOpenCasePerHousehold(String openLeadId) implements Rule {
        public void verify() {
            if (openLeadId != null) {
                throw RuleViolation.conflict("IDENT_CASE_ALREADY_OPEN", openLeadId);
            }
        }
    }

    /** A step names the household's open case. */
    record StepConcernsTheOpenCase(String openLeadId, String leadId) implements Rule {
        public void verify() {
            if (openLeadId == null || !openLeadId.equals(leadId)) {
                throw RuleViolation.notFound("IDENT_LEAD_NOT_OPEN", leadId);
            }
        }
    }

    /** The steps follow the procedure's order. */
    record StepOrder(CaseStage stage, CaseStage required) implements Rule {
        public void verify() {
            if (stage != required) {
                throw RuleViolation.conflict("IDENT_STEP_ORDER", stage, required);
            }
        }
    }

    /** 双签字: the household confirms what the collector recorded. */
    record VerificationIsConfirmedByTheHousehold(boolean householdConfirmed) implements Rule {
        public void verify() {
            if (!householdConfirmed) {
                throw RuleViolation.of("IDENT_VERIFICATION_UNCONFIRMED");
            }
        }
    }
}
