package org.fangpin.assistance.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.assistance.query.CaseQueries;
import org.fangpin.assistance.query.CaseQueries.CaseView;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.platform.web.RuleViolation;

/** A household's assistance case. */
@RestController
@RequestMapping("/api/assistance")
class AssistanceController {

    private final CaseQueries queries;

    AssistanceController(CaseQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{householdId}")
    CaseView assistanceCase(@PathVariable String householdId) {
        CaseView found = queries.assistanceCase(householdId)
                .orElseThrow(() -> RuleViolation.notFound("ASSISTANCE_CASE_NOT_FOUND", householdId));
        Jurisdiction.requireWithin(found.regionCode());
        return found;
    }
}
