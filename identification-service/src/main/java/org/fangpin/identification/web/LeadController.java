package org.fangpin.identification.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.LeadChannel;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RegionCode;
import org.fangpin.contracts.value.RigidExpenditure;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.identification.command.CaseStage;
import org.fangpin.identification.command.Commands.ApproveAtTownshipCommand;
import org.fangpin.identification.command.Commands.CountyDating;
import org.fangpin.identification.command.Commands.DecisionPolicy;
import org.fangpin.identification.command.Commands.IdentifyAtCountyCommand;
import org.fangpin.identification.command.Commands.RecordObjectionCommand;
import org.fangpin.identification.command.Commands.RecordVerificationCommand;
import org.fangpin.identification.command.Commands.RecordVillageEvaluationCommand;
import org.fangpin.identification.command.Commands.RejectAtCountyCommand;
import org.fangpin.identification.command.Commands.ReportLeadCommand;
import org.fangpin.identification.command.Commands.ReturnFromCountyCommand;
import org.fangpin.identification.command.Commands.ReturnFromTownshipCommand;
import org.fangpin.identification.command.Criteria.Criterion;
import org.fangpin.identification.command.Criteria;
import org.fangpin.identification.command.DueDates;
import org.fangpin.identification.config.ObjectModels;
import org.fangpin.identification.query.LeadQueries.LeadStep;
import org.fangpin.identification.query.LeadQueries.LeadView;
import org.fangpin.identification.query.LeadQueries.NoticeEntry;
import org.fangpin.identification.query.LeadQueries;
import org.fangpin.identification.query.RegistryQueries.HouseholdView;
import org.fangpin.identification.query.RegistryQueries;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.policy.PolicyBook;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.platform.web.BusinessDay;
import org.fangpin.platform.web.Pages;
import org.fangpin.platform.web.RuleViolation;

/** Leads (线索) and the steps of the identification procedure on them, from discovery to the county decision. */
@RestController
@RequestMapping("/api/leads")
@PreAuthorize(Jurisdiction.HOUSEHOLD_READERS)
@Tag(name = "识别认定", description = "Leads and the identification procedure")
class LeadController {

    private static final int DEFAULT_PAGE = 50;

    private final CommandGateway commands;
    private final RegistryQueries registry;
    private final LeadQueries leads;
    private final PolicyBook policies;
    private final ObjectModels objectModels;
    private final Clock clock;

    LeadController(CommandGateway commands, RegistryQueries registry, LeadQueries leads, PolicyBook policies,
                   ObjectModels objectModels, Clock clock) {
        this.commands = commands;
        this.registry = registry;
        this.leads = leads;
        this.policies = policies;
        this.objectModels = objectModels;
        this.clock = clock;
    }

    @Schema(description = "线索上报")
    record ReportLeadRequest(@NotBlank String householdId,
                             @NotNull @Schema(example = "CADRE_VISIT") LeadChannel channel,
                             @Size(max = 500) @Schema(example = "入户走访发现：户主患大病，医疗自付费用高")
                             String description,
                             @Schema(description = "the day the lead came in; defaults to today", example = "2024-06-03")
                             LocalDate reportedOn) {
    }

    /** @param merged whether the lead joined the household's open case (leadId is then that case's lead) */
    record LeadReference(String leadId, String householdId, boolean merged) {
    }

    @Schema(description = "入户核实: income and expenditures of the 12 months before today, 两不愁三保障, 双签字")
    record VerificationRequest(
            @NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 2) @Schema(example = "7200.00")
            BigDecimal perCapitaNetIncome,
            @NotNull @Schema(example = "PARTIAL") LabourCapacity labourCapacity,
            @NotBlank @Size(max = 50) @Schema(example = "包银花") String collector,
            @Schema(description = "the household signed what the collector recorded (双签字)", example = "true")
            boolean householdConfirmed,
            @Schema(description = "刚性支出 by kind, yuan", example = "{\"MEDICAL\": 12500.00}")
            Map<@NotNull RigidExpenditure, @NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 2)
                    BigDecimal> rigidExpenditures,
            @Schema(description = "guarantees found not secure", example = "[\"BASIC_MEDICAL\"]")
            List<@NotNull Guarantee> guaranteeGaps,
            @Schema(description = "the day of the home visit; defaults to today", example = "2024-06-05")
            LocalDate verifiedOn) {
    }

    @Schema(description = "村级评议公示")
    record VillageEvaluationRequest(
            @NotBlank @Size(max = 1000) @Schema(example = "经村两委、驻村工作队评议，同意纳入监测对象") String opinion,
            @Schema(description = "the day the notice went up in the village; defaults to today",
                    example = "2024-06-07") LocalDate noticeFrom) {
    }

    @Schema(description = "公示异议")
    record ObjectionRequest(@NotBlank @Size(max = 1000) @Schema(example = "邻居反映该户有车辆") String objection,
                            @NotBlank @Size(max = 1000) @Schema(example = "经核实车辆为他人所有，异议不成立")
                            String handling) {
    }

    enum TownshipDecision { APPROVE, RETURN }

    @Schema(description = "乡镇审核: APPROVE with an opinion, or RETURN to the village with the reason")
    record TownshipReviewRequest(@NotNull @Schema(example = "APPROVE") TownshipDecision decision,
                                 @Size(max = 1000) @Schema(example = "经乡镇入户复核，情况属实") String opinion,
                                 @Size(max = 1000) @Schema(example = "收入核算漏计转移性收入，请重新核实") String reason,
                                 @Schema(description = "the day the township reviewed; defaults to today, never a day "
                                         + "to come, and only after the public notice ended", example = "2024-06-14")
                                 LocalDate reviewedOn) {
    }

    enum CountyDecision { IDENTIFY, REJECT, RETURN }

    @Schema(description = "县级审定: IDENTIFY with object type and risk types, REJECT with the judgement (研判结果), "
            + "or RETURN to the township with the reason")
    record CountyDecisionRequest(@NotNull @Schema(example = "IDENTIFY") CountyDecision decision,
                                 @Schema(example = "SUDDEN_HARDSHIP") ObjectType objectType,
                                 @Schema(example = "[\"ILLNESS\"]") List<@NotNull RiskType> riskTypes,
                                 @Size(max = 1000) @Schema(example = "家庭人均纯收入高于监测收入标准，刚性支出未超预警线")
                                 String judgement,
                                 @Size(max = 1000) String reason,
                                 @Schema(description = "the day the county decided; defaults to today, never a day "
                                         + "to come nor before the township's approval", example = "2024-06-20")
                                 LocalDate decidedOn,
                                 @Size(max = 500) @Schema(description = "补录说明: why a decision dated more than the "
                                         + "policy's backdatingDaysWithoutNote days back is recorded only now",
                                         example = "6月20日县级审定会议纸质决定，系统补录")
                                 String backdatingNote) {
    }

    record Page(List<LeadView> leads, String nextCursor) {
    }

    record Evidence(String policyRegionPrefix, Integer policyYear, List<Finding> findings) {
    }

    record Finding(String code, boolean met, String explanation) {
    }

    /** The case screen; {@code lead} carries the due dates and whether the case is overdue. */
    record LeadDetails(LeadView lead, String headName, Integer villageGroup, String stageName,
                       Map<RigidExpenditure, BigDecimal> rigidExpenditures,
                       Evidence evidence, List<ObjectType> offeredObjectTypes, List<LeadStep> steps) {
    }

    record PublicNotice(String village, LocalDate printedOn, List<NoticeEntry> entries) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER', 'COUNTY_APPROVER')")
    @Operation(summary = "线索上报 — a lead from any channel",
            description = "A village officer, township reviewer or county approver reports a household of their region "
                    + "as a lead. Opens an identification case with its due dates (201), or joins the household's "
                    + "open case (200, merged = true, LeadMerged). A household already monitored with its risk not eliminated "
                    + "is refused (409 IDENT_ALREADY_MONITORED).")
    ResponseEntity<LeadReference> report(@Valid @RequestBody ReportLeadRequest request) {
        HouseholdView household = registry.household(request.householdId())
                .orElseThrow(() -> RuleViolation.notFound("HOUSEHOLD_NOT_FOUND", request.householdId()));
        Jurisdiction.requireWritableWithin(household.regionCode());
        LocalDate reportedOn = BusinessDay.happenedOn(request.reportedOn(), clock);
        String leadId = UUID.randomUUID().toString();
        DueDates due = DueDates.of(reportedOn, policies.require(household.regionCode(), reportedOn.getYear()));
        commands.sendAndWait(new ReportLeadCommand(household.householdId(), leadId, request.channel(),
                request.description(), reportedOn, due));
        String openLead = registry.household(household.householdId()).map(HouseholdView::openLeadId).orElse(leadId);
        boolean merged = !openLead.equals(leadId);
        return ResponseEntity.status(merged ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new LeadReference(openLead, household.householdId(), merged));
    }

    @GetMapping
    @Operation(summary = "线索列表 — leads of a region with cursor paging",
            description = "Any reader, within their region (region defaults to the caller's own). "
                    + "status = a case stage (REPORTED, VERIFIED, PUBLIC_NOTICE, TOWNSHIP_APPROVED, "
                    + "RETURNED_TO_VILLAGE, IDENTIFIED, REJECTED); overdue = true lists open cases past a due date. "
                    + "Pass nextCursor as cursor for the next page.")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = "The status is not a case stage (IDENT_UNKNOWN_STATUS)")
    Page list(@RequestParam(required = false) String status,
              @RequestParam(required = false) @Pattern(regexp = RegionCode.PREFIX) String region,
              @RequestParam(required = false) Boolean overdue,
              @RequestParam(required = false) @Pattern(regexp = "\\d{1,18}") String cursor,
              @RequestParam(required = false) @Min(1) @Max(200) Integer limit) {
        String prefix = region != null ? region : RequestContext.requireActor().regionPrefix();
        Jurisdiction.requireWithin(prefix);
        if (status != null && Arrays.stream(CaseStage.values())
                .noneMatch(stage -> stage.name().equals(status))) {
            throw RuleViolation.of("IDENT_UNKNOWN_STATUS", status);
        }
        int size = limit == null ? DEFAULT_PAGE : limit;
        List<LeadView> page = leads.leads(prefix, status, overdue, LocalDate.now(clock),
                cursor == null ? 0 : Long.parseLong(cursor), size);
        String next = Pages.nextCursor(page, size, LeadView::seq);
        return new Page(page, next);
    }

    @GetMapping("/public-notice")
    @Operation(summary = "公示名单 — the village's public-notice list as printed",
            description = "For any reader within the village's jurisdiction, to print and put up. "
                    + "Only the cases on notice in the village today; shows no ID number, phone, bank account "
                    + "or health details.")
    PublicNotice publicNotice(@RequestParam @Pattern(regexp = "\\d{12}") String village) {
        Jurisdiction.requireWithin(village);
        LocalDate today = LocalDate.now(clock);
        return new PublicNotice(village, today, leads.publicNotice(village, today));
    }

    @GetMapping("/{leadId}")
    @Operation(summary = "识别认定 — the case: facts, due dates, the criteria the evidence meets, every step",
            description = "The case screen, for any reader within the household's region: the household's head, the "
                    + "facts of the home verification, the due dates and whether the case is overdue, the "
                    + "criteria (monitoring line, rigid expenditures, guarantees) as judged on the evidence, "
                    + "the object types the region offers, and every step so far.")
    LeadDetails lead(@PathVariable String leadId) {
        LeadView lead = existingLead(leadId);
        Jurisdiction.requireWithin(lead.regionCode());
        HouseholdView household = registry.household(lead.householdId()).orElseThrow();
        Map<RigidExpenditure, BigDecimal> expenditures = leads.rigidExpenditures(leadId);
        return new LeadDetails(lead, household.headName(), household.villageGroup(),
                CaseStage.valueOf(lead.stage()).chineseName(), expenditures,
                evidence(lead, expenditures), objectModels.of(lead.regionCode()).objectTypes(), leads.steps(leadId));
    }

    @PostMapping("/{leadId}/verification")
    @PreAuthorize("hasAnyRole('VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER')")
    @Operation(summary = "入户核实 — the home verification, signed by collector and household",
            description = "A village officer or township reviewer of the household's region records the home visit: "
                    + "per-capita net income of the last 12 months, labour capacity, rigid expenditures by "
                    + "kind, the guarantees found not secure (两不愁三保障, drinking water) and that the household "
                    + "signed what was recorded. Dated verifiedOn (default today). The case then goes to the "
                    + "village evaluation.")
    LeadReference recordVerification(@PathVariable String leadId, @Valid @RequestBody VerificationRequest request) {
        LeadView lead = writableLead(leadId);
        commands.sendAndWait(new RecordVerificationCommand(lead.householdId(), leadId,
                request.perCapitaNetIncome(), request.labourCapacity(), request.collector(),
                request.householdConfirmed(), BusinessDay.happenedOn(request.verifiedOn(), clock),
                request.rigidExpenditures() == null ? Map.of() : request.rigidExpenditures(),
                request.guaranteeGaps() == null ? List.of() : request.guaranteeGaps()));
        return new LeadReference(leadId, lead.householdId(), false);
    }

    @PostMapping("/{leadId}/village-evaluation")
    @PreAuthorize("hasRole('VILLAGE_OFFICER')")
    @Operation(summary = "村级评议公示 — the village's evaluation; the notice lasts the policy's public-notice days",
            description = "A village officer records the village's democratic evaluation and starts the public notice. "
                    + "The notice runs the longest public-notice days the policy gives any object type the "
                    + "region's model offers (e.g. 7 for 低保 objects, 5 elsewhere), so the county may identify the "
                    + "household as any of them. A notice whose whole period lies before the day it is recorded is "
                    + "marked as recorded after the fact (补录, noticeRecordedAfterTheFact) on the case.")
    LeadReference recordVillageEvaluation(@PathVariable String leadId,
                                          @Valid @RequestBody VillageEvaluationRequest request) {
        LeadView lead = writableLead(leadId);
        LocalDate noticeFrom = request.noticeFrom() == null ? LocalDate.now(clock) : request.noticeFrom();
        commands.sendAndWait(new RecordVillageEvaluationCommand(lead.householdId(), leadId, request.opinion(),
                LocalDate.now(clock), noticeFrom, policies.require(lead.regionCode(), noticeFrom.getYear()),
                objectModels.of(lead.regionCode()).objectTypes()));
        return new LeadReference(leadId, lead.householdId(), false);
    }

    @PostMapping("/{leadId}/objections")
    @PreAuthorize("hasAnyRole('VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER')")
    @Operation(summary = "公示异议 — an objection raised during the public notice and how it was handled",
            description = "A village officer or township reviewer records an objection raised while the public "
                    + "notice is up, and how it was handled. It stays in the case history for the township and "
                    + "the county to see.")
    LeadReference recordObjection(@PathVariable String leadId, @Valid @RequestBody ObjectionRequest request) {
        LeadView lead = writableLead(leadId);
        commands.sendAndWait(new RecordObjectionCommand(lead.householdId(), leadId, request.objection(),
                request.handling(), LocalDate.now(clock)));
        return new LeadReference(leadId, lead.householdId(), false);
    }

    @PostMapping("/{leadId}/township-review")
    @PreAuthorize("hasRole('TOWNSHIP_REVIEWER')")
    @Operation(summary = "乡镇审核 — approve to the county, or return to the village with the reason",
            description = "A township reviewer approves the case on to the county or returns it to the village. "
                    + "Only after the public notice has ended (409 IDENT_PUBLIC_NOTICE_RUNNING); reviewedOn "
                    + "dates it (default today, never a day to come: 422 DATE_IN_FUTURE), judged against the "
                    + "notice's last day like the review itself.")
    LeadReference reviewAtTownship(@PathVariable String leadId, @Valid @RequestBody TownshipReviewRequest request) {
        LeadView lead = writableLead(leadId);
        LocalDate reviewedOn = BusinessDay.happenedOn(request.reviewedOn(), clock);
        commands.sendAndWait(request.decision() == TownshipDecision.APPROVE
                ? new ApproveAtTownshipCommand(lead.householdId(), leadId, request.opinion(), reviewedOn)
                : new ReturnFromTownshipCommand(lead.householdId(), leadId, request.reason(), reviewedOn));
        return new LeadReference(leadId, lead.householdId(), false);
    }

    @PostMapping("/{leadId}/county-decision")
    @PreAuthorize("hasRole('COUNTY_APPROVER')")
    @Operation(summary = "县级审定 — identify, reject with the judgement (研判结果), or return to the township",
            description = "A county approver decides: the household becomes a monitoring object (monitoring and "
                    + "assistance start on it), is rejected with the judgement, or goes back to the township. "
                    + "Only after the township approved (409 IDENT_STEP_ORDER). The object types offered are "
                    + "those of the region's monitoring-object model (422 IDENT_OBJECT_TYPE_NOT_OFFERED); the public "
                    + "notice must have run the days the policy gives the type identified (422 "
                    + "IDENT_NOTICE_TOO_SHORT). The decision is judged by the policy of the year of the home "
                    + "verification, recorded with it: the case screen keeps showing its criteria as judged. "
                    + "decidedOn dates it (not in the future: 422 DATE_IN_FUTURE; not before the township's approval: "
                    + "422 IDENT_DECISION_BEFORE_TOWNSHIP_REVIEW); more than the policy's backdatingDaysWithoutNote "
                    + "days back it needs the backdatingNote (422 IDENT_BACKDATING_NOTE_REQUIRED), kept in the "
                    + "case history.")
    LeadReference decideAtCounty(@PathVariable String leadId, @Valid @RequestBody CountyDecisionRequest request) {
        LeadView lead = writableLead(leadId);
        DecisionPolicy policy = policyInForce(lead);
        CountyDating dating = new CountyDating(BusinessDay.happenedOn(request.decidedOn(), clock), LocalDate.now(clock),
                policy.thresholds().backdatingDaysWithoutNote(), request.backdatingNote());
        Object command = switch (request.decision()) {
            case IDENTIFY -> {
                if (request.objectType() != null
                        && !objectModels.of(lead.regionCode()).objectTypes().contains(request.objectType())) {
                    throw RuleViolation.of("IDENT_OBJECT_TYPE_NOT_OFFERED", request.objectType());
                }
                yield new IdentifyAtCountyCommand(lead.householdId(), leadId, request.objectType(),
                        request.riskTypes(), policy, dating);
            }
            case REJECT -> new RejectAtCountyCommand(lead.householdId(), leadId, request.judgement(), policy,
                    dating);
            case RETURN -> new ReturnFromCountyCommand(lead.householdId(), leadId, request.reason(), dating);
        };
        commands.sendAndWait(command);
        return new LeadReference(leadId, lead.householdId(), false);
    }

    /** The criteria as judged: by the policy recorded with the decision, or, while the case is open, in force. */
    private Evidence evidence(LeadView lead, Map<RigidExpenditure, BigDecimal> expenditures) {
        if (lead.verifiedOn() == null) {
            return new Evidence(null, null, List.of());
        }
        DecisionPolicy policy = leads.decisionPolicy(lead.leadId()).orElseGet(() -> policyInForce(lead));
        List<Finding> findings = Criteria.judge(lead.perCapitaNetIncome(), expenditures, lead.guaranteeGaps(),
                        policy.thresholds()).stream()
                .map(LeadController::finding).toList();
        return new Evidence(policy.regionPrefix(), policy.year(), findings);
    }

    /** The policy of the household's region in the year of the home verification (before it, this year). */
    private DecisionPolicy policyInForce(LeadView lead) {
        int year = lead.verifiedOn() != null ? lead.verifiedOn().getYear() : LocalDate.now(clock).getYear();
        PolicyBook.InForce source = policies.inForce(lead.regionCode(), year)
                .orElseThrow(() -> RuleViolation.of("POLICY_MISSING", lead.regionCode(), year));
        return new DecisionPolicy(source.regionPrefix(), source.year(), source.thresholds());
    }

    private static Finding finding(Criterion criterion) {
        return new Finding(criterion.code(), criterion.met(), criterion.explanation());
    }

    private LeadView writableLead(String leadId) {
        LeadView lead = existingLead(leadId);
        Jurisdiction.requireWritableWithin(lead.regionCode());
        return lead;
    }

    private LeadView existingLead(String leadId) {
        return leads.lead(leadId, LocalDate.now(clock)).orElseThrow(() -> RuleViolation.notFound("IDENT_LEAD_NOT_FOUND", leadId));
    }
}
