package org.fangpin.assistance.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
import org.fangpin.platform.web.BusinessDay;

/**
 * 风险消除 (村申请 → 乡核实 → 县审定) and 风险回退 (村申请 → 乡审核 → 县审定); the township and the county may return
 * a step with a reason.
 */
@RestController
@RequestMapping("/api/assistance/{householdId}")
@Tag(name = "风险消除与回退", description = "Risk elimination (风险消除) and rollback (风险回退): village "
        + "proposal, township verification, county approval")
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

    /**
     * The steps of elimination and rollback as entered: the day each happened (today when absent; never a day to
     * come, not before the step it follows) and, for a step dated more than the policy's backdatingDaysWithoutNote
     * days back (补录), the note saying why it is recorded only now. A body may be left out: the step is of today.
     */
    record ProposalRequest(@Schema(example = "2024-12-10") LocalDate proposedOn,
                           @Size(max = 500) @Schema(example = "12月10日村级申请纸质记录，系统补录") String backdatingNote) {
    }

    record VerificationRequest(@Schema(example = "2024-12-12") LocalDate verifiedOn,
                               @Size(max = 500) String backdatingNote) {
    }

    record ApprovalRequest(@Schema(example = "2024-12-16") LocalDate approvedOn,
                           @Size(max = 500) @Schema(example = "12月16日县级审定会议纸质决定，系统补录")
                           String backdatingNote) {
    }

    /** 风险回退申请: the reason, and the day the village proposed. */
    record RollbackProposalRequest(@NotBlank @Size(max = 500) String reason, LocalDate proposedOn,
                                   @Size(max = 500) String backdatingNote) {
    }

    @PostMapping("/elimination/propose")
    @PreAuthorize("hasRole('VILLAGE_OFFICER')")
    @Operation(summary = "风险消除村级申请", description = "A village officer proposes to eliminate the household's risk. "
            + "Judged on the criteria as of proposedOn (default today; "
            + "422 DATE_IN_FUTURE, 422 ELIMINATION_DATE_BEFORE_PREVIOUS_STEP before the case opened or was rolled "
            + "back, 422 ASSISTANCE_BACKDATING_NOTE_REQUIRED beyond the policy's allowance without a note).")
    CaseView proposeElimination(@PathVariable String householdId,
                                @Valid @RequestBody(required = false) ProposalRequest request) {
        CaseSummary found = access.writableCase(householdId);
        ProposalRequest step = request == null ? new ProposalRequest(null, null) : request;
        BusinessDay proposed = dated(found, step.proposedOn(), step.backdatingNote());
        commands.sendAndWait(new ProposeEliminationCommand(householdId, facts(found, proposed), proposed));
        return view(householdId);
    }

    @PostMapping("/elimination/verify")
    @PreAuthorize("hasRole('TOWNSHIP_REVIEWER')")
    @Operation(summary = "风险消除乡镇核实", description = "A township reviewer verifies the proposal on to the county. "
            + "Dated verifiedOn (default today), not before the proposal.")
    CaseView verifyElimination(@PathVariable String householdId,
                               @Valid @RequestBody(required = false) VerificationRequest request) {
        CaseSummary found = access.writableCase(householdId);
        VerificationRequest step = request == null ? new VerificationRequest(null, null) : request;
        commands.sendAndWait(new VerifyEliminationCommand(householdId,
                dated(found, step.verifiedOn(), step.backdatingNote())));
        return view(householdId);
    }

    @PostMapping("/elimination/approve")
    @PreAuthorize("hasRole('COUNTY_APPROVER')")
    @Operation(summary = "风险消除县级审定", description = "A county approver approves: the risk is eliminated and "
            + "the household stays under look-back monitoring. "
            + "Dated approvedOn (default today), not before the "
            + "verification; the criteria are judged again as of that day, with the policy of its year.")
    CaseView approveElimination(@PathVariable String householdId,
                                @Valid @RequestBody(required = false) ApprovalRequest request) {
        CaseSummary found = access.writableCase(householdId);
        ApprovalRequest step = request == null ? new ApprovalRequest(null, null) : request;
        BusinessDay approved = dated(found, step.approvedOn(), step.backdatingNote());
        commands.sendAndWait(new ApproveEliminationCommand(householdId, facts(found, approved), approved));
        return view(householdId);
    }

    @PostMapping("/elimination/return")
    @PreAuthorize("hasAnyRole('TOWNSHIP_REVIEWER', 'COUNTY_APPROVER')")
    @Operation(summary = "退回风险消除申请 — return the elimination proposal",
            description = "A township reviewer or county approver returns the proposal to the village with the "
                    + "reason; the household stays under assistance.")
    CaseView returnElimination(@PathVariable String householdId, @Valid @RequestBody ReasonRequest request) {
        access.writableCase(householdId);
        commands.sendAndWait(new ReturnEliminationCommand(householdId, CaseAccess.level(), request.reason(),
                LocalDate.now(clock)));
        return view(householdId);
    }

    @PostMapping("/rollback/propose")
    @PreAuthorize("hasRole('VILLAGE_OFFICER')")
    @Operation(summary = "风险回退申请", description = "A village officer proposes to roll an eliminated household back to "
            + "assistance. "
            + "Dated proposedOn (default today), not before the elimination "
            + "(422 ROLLBACK_DATE_BEFORE_PREVIOUS_STEP).")
    CaseView proposeRollback(@PathVariable String householdId,
                             @Valid @RequestBody RollbackProposalRequest request) {
        CaseSummary found = access.writableCase(householdId);
        commands.sendAndWait(new ProposeRollbackCommand(householdId, request.reason(),
                dated(found, request.proposedOn(), request.backdatingNote())));
        return view(householdId);
    }

    @PostMapping("/rollback/verify")
    @PreAuthorize("hasRole('TOWNSHIP_REVIEWER')")
    @Operation(summary = "风险回退乡镇审核", description = "A township reviewer verifies the rollback proposal on to "
            + "the county. "
            + "Dated verifiedOn (default today), not before the proposal.")
    CaseView verifyRollback(@PathVariable String householdId,
                            @Valid @RequestBody(required = false) VerificationRequest request) {
        CaseSummary found = access.writableCase(householdId);
        VerificationRequest step = request == null ? new VerificationRequest(null, null) : request;
        commands.sendAndWait(new VerifyRollbackCommand(householdId,
                dated(found, step.verifiedOn(), step.backdatingNote())));
        return view(householdId);
    }

    @PostMapping("/rollback/approve")
    @PreAuthorize("hasRole('COUNTY_APPROVER')")
    @Operation(summary = "风险回退县级审定", description = "A county approver approves: the household's risk is un-eliminated "
            + "and assistance resumes. "
            + "Dated approvedOn (default today), not before the "
            + "township's agreement.")
    CaseView approveRollback(@PathVariable String householdId,
                             @Valid @RequestBody(required = false) ApprovalRequest request) {
        CaseSummary found = access.writableCase(householdId);
        ApprovalRequest step = request == null ? new ApprovalRequest(null, null) : request;
        commands.sendAndWait(new ApproveRollbackCommand(householdId,
                dated(found, step.approvedOn(), step.backdatingNote())));
        return view(householdId);
    }

    @PostMapping("/rollback/return")
    @PreAuthorize("hasAnyRole('TOWNSHIP_REVIEWER', 'COUNTY_APPROVER')")
    @Operation(summary = "退回风险回退申请 — return the rollback proposal",
            description = "A township reviewer or county approver returns the rollback proposal to the village with "
                    + "the reason; the household stays eliminated.")
    CaseView returnRollback(@PathVariable String householdId, @Valid @RequestBody ReasonRequest request) {
        access.writableCase(householdId);
        commands.sendAndWait(new ReturnRollbackCommand(householdId, CaseAccess.level(), request.reason(),
                LocalDate.now(clock)));
        return view(householdId);
    }

    /** The step's day as entered, with the backdating allowance of the policy of its region and year. */
    private BusinessDay dated(CaseSummary found, LocalDate given, String note) {
        LocalDate on = BusinessDay.happenedOn(given, clock);
        return BusinessDay.entered(on, clock,
                access.policy(found.regionCode(), on).backdatingDaysWithoutNote(), note);
    }

    /** What monitoring knew as of the step's day: the policy of its year and the records of months up to it. */
    private MonitoringFacts facts(CaseSummary found, BusinessDay day) {
        return new MonitoringFacts(access.policy(found.regionCode(), day.on()),
                queries.recentRecords(found.householdId(), YearMonth.from(day.on())));
    }

    private CaseView view(String householdId) {
        return queries.assistanceCase(householdId).orElseThrow();
    }
}
