package org.fangpin.monitoring.web;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.contracts.value.ClosureReason;
import org.fangpin.monitoring.command.Commands.CloseMonitoringCommand;
import org.fangpin.monitoring.query.MonitoringQueries;
import org.fangpin.monitoring.query.MonitoringQueries.MonitoredHouseholdView;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.platform.web.RuleViolation;

/** 终止监测: only the county ends a household's dynamic monitoring, and says why. */
@RestController
class MonitoringClosureController {

    private final MonitoringQueries queries;
    private final CommandGateway commands;
    private final Clock clock;

    MonitoringClosureController(MonitoringQueries queries, CommandGateway commands, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
    }

    /** @param judgement the county's 研判意见: what was checked and found */
    record ClosureRequest(@NotNull ClosureReason reason, @NotBlank @Size(max = 500) String judgement) {
    }

    record Closed(String householdId, ClosureReason reason, LocalDate closedOn) {
    }

    @PostMapping("/api/monitoring/{householdId}/closure")
    @PreAuthorize("hasRole('COUNTY_APPROVER')")
    Closed close(@PathVariable String householdId, @Valid @RequestBody ClosureRequest request) {
        MonitoredHouseholdView household = queries.household(householdId)
                .orElseThrow(() -> RuleViolation.notFound("MONITORING_NOT_FOUND", householdId));
        Jurisdiction.requireWritableWithin(household.regionCode());
        LocalDate today = LocalDate.now(clock);
        commands.sendAndWait(new CloseMonitoringCommand(householdId, request.reason(), request.judgement(), today));
        return new Closed(householdId, request.reason(), today);
    }
}
