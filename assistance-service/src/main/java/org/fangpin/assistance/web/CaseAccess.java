package org.fangpin.assistance.web;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import org.fangpin.assistance.query.CaseQueries;
import org.fangpin.assistance.query.CaseQueries.CaseSummary;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.ReviewLevel;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.policy.PolicyBook;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.platform.web.RuleViolation;

/** What every write on a case checks first: the case exists, and the caller may change it. */
@Component
class CaseAccess {

    private final CaseQueries queries;
    private final PolicyBook policy;

    CaseAccess(CaseQueries queries, PolicyBook policy) {
        this.queries = queries;
        this.policy = policy;
    }

    CaseSummary writableCase(String householdId) {
        CaseSummary found = queries.summary(householdId)
                .orElseThrow(() -> RuleViolation.notFound("ASSISTANCE_CASE_NOT_FOUND", householdId));
        Jurisdiction.requireWritableWithin(found.regionCode());
        return found;
    }

    PolicyThresholds policy(String regionCode, LocalDate today) {
        return policy.require(regionCode, today.getYear());
    }

    /** The level the caller's role acts at; the endpoints admit only these roles. */
    static ReviewLevel level() {
        return switch (RequestContext.requireActor().role()) {
            case VILLAGE_OFFICER -> ReviewLevel.VILLAGE;
            case TOWNSHIP_REVIEWER -> ReviewLevel.TOWNSHIP;
            case COUNTY_APPROVER -> ReviewLevel.COUNTY;
            default -> throw RuleViolation.forbidden("FORBIDDEN");
        };
    }
}
