package org.fangpin.identification.web;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.contracts.value.IdNumber;
import org.fangpin.identification.command.Commands.RegisterHouseholdCommand;
import org.fangpin.identification.query.RegistryQueries;
import org.fangpin.identification.query.RegistryQueries.HouseholdView;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.actor.Role;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.platform.web.RuleViolation;

/** The household registry (户登记). */
@RestController
@RequestMapping("/api/households")
class HouseholdController {

    private final CommandGateway commands;
    private final RegistryQueries queries;

    HouseholdController(CommandGateway commands, RegistryQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record RegisterHouseholdRequest(
            @NotBlank @Pattern(regexp = "\\d{12}", message = "{fangpin.regionCode.village}") String regionCode,
            @Min(1) @Max(99) Integer villageGroup,
            @NotBlank @Size(max = 50) String headName,
            @NotBlank String headIdNumber,
            @NotNull HouseholdCategory category,
            @NotNull @Min(1) @Max(30) Integer memberCount) {
    }

    record Registered(String householdId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER', 'COUNTY_APPROVER')")
    Registered register(@Valid @RequestBody RegisterHouseholdRequest request) {
        Jurisdiction.requireWritableWithin(request.regionCode());
        if (!IdNumber.isValid(request.headIdNumber())) {
            throw RuleViolation.of("INVALID_ID_NUMBER");
        }
        if (queries.isRegistered(request.headIdNumber())) {
            throw RuleViolation.conflict("HOUSEHOLD_ALREADY_REGISTERED");
        }
        String householdId = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterHouseholdCommand(householdId, request.regionCode(), request.villageGroup(),
                request.headName(), request.headIdNumber().toUpperCase(), request.category(), request.memberCount()));
        return new Registered(householdId);
    }

    @GetMapping("/{householdId}")
    Map<String, Object> household(@PathVariable String householdId) {
        HouseholdView household = queries.household(householdId)
                .orElseThrow(() -> RuleViolation.notFound("HOUSEHOLD_NOT_FOUND", householdId));
        Jurisdiction.requireWithin(household.regionCode());
        Role role = RequestContext.requireActor().role();
        boolean seesIdNumbers = role == Role.VILLAGE_OFFICER || role == Role.TOWNSHIP_REVIEWER
                || role == Role.COUNTY_APPROVER;
        return Map.of(
                "householdId", household.householdId(),
                "regionCode", household.regionCode(),
                "headName", household.headName(),
                "headIdNumber", seesIdNumbers ? household.headIdNumber() : IdNumber.mask(household.headIdNumber()),
                "category", household.category(),
                "memberCount", household.memberCount(),
                "underIdentification", household.openLeadId() != null);
    }
}
