package org.fangpin.assistance.web;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.assistance.command.Commands.ApproveEliminationCommand;
import org.fangpin.assistance.command.Commands.ApproveRollbackCommand;
import org.fangpin.assistance.command.Commands.ProposeEliminationCommand;
import org.fangpin.assistance.command.Commands.ProposeRollbackCommand;
import org.fangpin.assistance.command.Commands.ReturnEliminationCommand;
import org.fangpin.assistance.command.Commands.ReturnRollbackCommand;
import org.fangpin.assistance.command.Commands.VerifyEliminationCommand;
import org.fangpin.assistance.command.Commands.VerifyRollbackCommand;
import org.fangpin.assistance.command.MonitoringFacts;
import org.fangpin.assistance.query.CaseQueries;
import org.fangpin.assistance.query.CaseQueries.CaseSummary;
import org.fangpin.assistance.query.CaseQueries.CaseView;
import org.fangpin.assistance.web.AssistanceController.ReasonRequest;

/**
 * 风险消除 (村申请 → 乡核实 → 县审定) and 风险回退 (村申请 → 乡审核 → 县审定); the township and the county may return
 * a step with a reason.
 */
@RestController
@RequestMapping("/api/assistance/{householdId}")
class EliminationController {

    private final CommandGateway commands;
    private final CaseQueries queries;
    private final CaseAccess access;
    private final Clock clock;

    EliminationController(CommandGateway commands, CaseQueries queries, CaseAccess access, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping("/elimination/propose")
    @PreAuthorize("hasRole('VILLAGE_OFFICER')")
    CaseView proposeElimination(@PathVariable String householdId) {
        CaseSummary found = access.writableCase(householdId);
        LocalDate today = LocalDate.now(clock);
        commands.sendAndWait(new ProposeEliminationCommand(householdId, facts(found, today), today));
        return view(householdId);
    }

    @PostMapping("/elimination/verify")
    @PreAuthorize("hasRole('TOWNSHIP_REVIEWER')")
    CaseView verifyElimination(@PathVariable String householdId) {
        access.writableCase(householdId);
        commands.sendAndWait(new VerifyEliminationCommand(householdId, LocalDate.now(clock)));
        return view(householdId);
    }

    @PostMapping("/elimination/approve")
    @PreAuthorize("hasRole('COUNTY_APPROVER')")
    CaseView approveElimination(@PathVariable String householdId) {
        CaseSummary found = access.writableCase(householdId);
        LocalDate today = LocalDate.now(clock);
        commands.sendAndWait(new ApproveEliminationCommand(householdId, facts(found, today), today));
        return view(householdId);
    }

    @PostMapping("/elimination/return")
    @PreAuthorize("hasAnyRole('TOWNSHIP_REVIEWER', 'COUNTY_APPROVER')")
    CaseView returnElimination(@PathVariable String householdId, @Valid @RequestBody ReasonRequest request) {
        access.writableCase(householdId);
        commands.sendAndWait(new ReturnEliminationCommand(householdId, CaseAccess.level(), request.reason(),
                LocalDate.now(clock)));
        return view(householdId);
    }

    @PostMapping("/rollback/propose")
    @PreAuthorize("hasRole('VILLAGE_OFFICER')")
    CaseView proposeRollback(@PathVariable String householdId, @Valid @RequestBody ReasonRequest request) {
        access.writableCase(householdId);
        commands.sendAndWait(new ProposeRollbackCommand(householdId, request.reason(), LocalDate.now(clock)));
        return view(householdId);
    }

    @PostMapping("/rollback/verify")
    @PreAuthorize("hasRole('TOWNSHIP_REVIEWER')")
    CaseView verifyRollback(@PathVariable String householdId) {
        access.writableCase(householdId);
        commands.sendAndWait(new VerifyRollbackCommand(householdId, LocalDate.now(clock)));
        return view(householdId);
    }

    @PostMapping("/rollback/approve")
    @PreAuthorize("hasRole('COUNTY_APPROVER')")
    CaseView approveRollback(@PathVariable String householdId) {
        access.writableCase(householdId);
        commands.sendAndWait(new ApproveRollbackCommand(householdId, LocalDate.now(clock)));
        return view(householdId);
    }

    @PostMapping("/rollback/return")
    @PreAuthorize("hasAnyRole('TOWNSHIP_REVIEWER', 'COUNTY_APPROVER')")
    CaseView returnRollback(@PathVariable String householdId, @Valid @RequestBody ReasonRequest request) {
        access.writableCase(householdId);
        commands.sendAndWait(new ReturnRollbackCommand(householdId, CaseAccess.level(), request.reason(),
                LocalDate.now(clock)));
        return view(householdId);
    }

    private MonitoringFacts facts(CaseSummary found, LocalDate today) {
        return new MonitoringFacts(access.policy(found.regionCode(), today),
                queries.recentRecords(found.householdId()));
    }

    private CaseView view(String householdId) {
        return queries.assistanceCase(householdId).orElseThrow();
    }
}
