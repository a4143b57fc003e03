package org.fangpin.monitoring.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.monitoring.query.MonitoringQueries;
import org.fangpin.monitoring.query.MonitoringQueries.MonitoredHouseholdView;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.platform.web.RuleViolation;

/** A household's monitoring. */
@RestController
@RequestMapping("/api/monitoring")
class MonitoringController {

    private final MonitoringQueries queries;

    MonitoringController(MonitoringQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{householdId}")
    MonitoredHouseholdView household(@PathVariable String householdId) {
        MonitoredHouseholdView household = queries.household(householdId)
                .orElseThrow(() -> RuleViolation.notFound("MONITORING_NOT_FOUND", householdId));
        Jurisdiction.requireWithin(household.regionCode());
        return household;
    }
}
