package org.fangpin.identification.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.LeadChannel;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.identification.command.Commands.IdentifyAtCountyCommand;
import org.fangpin.identification.command.Commands.RecordVerificationCommand;
import org.fangpin.identification.command.Commands.ReportLeadCommand;
import org.fangpin.identification.query.RegistryQueries;
import org.fangpin.identification.query.RegistryQueries.HouseholdView;
import org.fangpin.identification.query.RegistryQueries.LeadView;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.platform.web.RuleViolation;

/** Leads (线索) and the steps of the identification procedure on them. */
@RestController
@RequestMapping("/api/leads")
class LeadController {

    private final CommandGateway commands;
    private final RegistryQueries queries;
    private final Clock clock;

    LeadController(CommandGateway commands, RegistryQueries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    record ReportLeadRequest(@NotBlank String householdId, @NotNull LeadChannel channel,
                             @Size(max = 500) String description) {
    }

    record LeadReference(String leadId, String householdId) {
    }

    record VerificationRequest(@NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 2) BigDecimal perCapitaNetIncome,
                               @NotNull LabourCapacity labourCapacity,
                               @NotBlank @Size(max = 50) String collector,
                               boolean householdConfirmed) {
    }

    enum Decision { IDENTIFY }

    record CountyDecisionRequest(@NotNull Decision decision, @NotNull ObjectType objectType,
                                 @NotEmpty List<@NotNull RiskType> riskTypes) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER', 'COUNTY_APPROVER')")
    LeadReference report(@Valid @RequestBody ReportLeadRequest request) {
        HouseholdView household = queries.household(request.householdId())
                .orElseThrow(() -> RuleViolation.notFound("HOUSEHOLD_NOT_FOUND", request.householdId()));
        Jurisdiction.requireWritableWithin(household.regionCode());
        String leadId = UUID.randomUUID().toString();
        commands.sendAndWait(new ReportLeadCommand(household.householdId(), leadId, request.channel(),
                request.description(), LocalDate.now(clock)));
        return new LeadReference(leadId, household.householdId());
    }

    @GetMapping("/{leadId}")
    LeadView lead(@PathVariable String leadId) {
        LeadView lead = openLead(leadId);
        Jurisdiction.requireWithin(lead.regionCode());
        return lead;
    }

    @PostMapping("/{leadId}/verification")
    @PreAuthorize("hasAnyRole('VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER')")
    LeadReference recordVerification(@PathVariable String leadId, @Valid @RequestBody VerificationRequest request) {
        LeadView lead = openLead(leadId);
        Jurisdiction.requireWritableWithin(lead.regionCode());
        commands.sendAndWait(new RecordVerificationCommand(lead.householdId(), leadId, request.perCapitaNetIncome(),
                request.labourCapacity(), request.collector(), request.householdConfirmed(), LocalDate.now(clock)));
        return new LeadReference(leadId, lead.householdId());
    }

    @PostMapping("/{leadId}/county-decision")
    @PreAuthorize("hasRole('COUNTY_APPROVER')")
    LeadReference decideAtCounty(@PathVariable String leadId, @Valid @RequestBody CountyDecisionRequest request) {
        LeadView lead = openLead(leadId);
        Jurisdiction.requireWritableWithin(lead.regionCode());
        LocalDate today = LocalDate.now(clock);
        BigDecimal monitoringLine = queries.monitoringLine(lead.regionCode(), today.getYear())
                .orElseThrow(() -> RuleViolation.of("POLICY_MONITORING_LINE_MISSING", lead.regionCode(),
                        today.getYear()));
        commands.sendAndWait(new IdentifyAtCountyCommand(lead.householdId(), leadId, request.objectType(),
                request.riskTypes(), monitoringLine, today));
        return new LeadReference(leadId, lead.householdId());
    }

    private LeadView openLead(String leadId) {
        return queries.lead(leadId).orElseThrow(() -> RuleViolation.notFound("IDENT_LEAD_NOT_FOUND", leadId));
    }
}
