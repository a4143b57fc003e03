package org.fangpin.identification.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.identification.command.Policy.SetPolicyCommand;
import org.fangpin.identification.config.ObjectModels;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.actor.Role;
import org.fangpin.platform.policy.PolicyBook;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.platform.web.RuleViolation;

/**
 * 政策参数: the thresholds per region prefix and year, owned here. Every change is an audited {@code PolicyChanged}
 * event that every service's policy book records.
 */
@RestController
@RequestMapping("/api/policy")
@PreAuthorize(Jurisdiction.HOUSEHOLD_READERS)
@Validated
@Tag(name = "政策参数", description = "Policy thresholds per region and year, and the monitoring-object models")
class PolicyController {

    /** {@code national} or a province (2), prefecture (4), county (6), township (9) or village (12) prefix. */
    private static final String REGION_PREFIX = "national|\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}";

    private final CommandGateway commands;
    private final PolicyBook policies;
    private final ObjectModels objectModels;

    PolicyController(CommandGateway commands, PolicyBook policies, ObjectModels objectModels) {
        this.commands = commands;
        this.policies = policies;
        this.objectModels = objectModels;
    }

    @Schema(description = "The thresholds of a region and year, and why they are set")
    record PolicyRequest(
            @NotNull @DecimalMin("0.01") @Digits(integer = 8, fraction = 2) @Schema(example = "8300.00")
            BigDecimal monitoringLine,
            @NotNull @DecimalMin("0.01") @Digits(integer = 8, fraction = 2) @Schema(example = "5000.00")
            BigDecimal medicalExpenditureWarningLine,
            @NotNull @DecimalMin("0.01") @Digits(integer = 8, fraction = 2) @Schema(example = "10000.00")
            BigDecimal disasterLossWarningLine,
            @NotNull @DecimalMin("0.01") @Digits(integer = 8, fraction = 2) @Schema(example = "8000.00")
            BigDecimal educationExpenditureWarningLine,
            @NotNull @Min(1) @Max(60) @Schema(example = "5") Integer verificationDueWorkingDays,
            @NotNull @Min(1) @Max(180) @Schema(example = "15") Integer identificationDueDays,
            @NotNull @Min(1) @Max(60) @Schema(example = "5") Integer publicNoticeDays,
            @NotNull @Min(1) @Max(28) @Schema(example = "25") Integer monthlyMonitoringDueDay,
            @NotNull @Min(1) @Max(60) @Schema(example = "6") Integer stableIncomeMonths,
            @NotNull @Min(0) @Max(60) @Schema(example = "6") Integer minimumMonitoredMonths,
            @NotNull @Min(1) @Max(180) @Schema(example = "15") Integer warningResponseDays,
            @NotNull @Min(0) @Max(60) @Schema(example = "6") Integer gradualExitMonths,
            @NotBlank @Size(max = 500) @Schema(example = "自治区2024年防止返贫监测收入基准调整为8300元") String reason) {

        PolicyThresholds thresholds() {
            return PolicyThresholds.of(yuan(monitoringLine), yuan(medicalExpenditureWarningLine),
                    yuan(disasterLossWarningLine), yuan(educationExpenditureWarningLine), verificationDueWorkingDays,
                    identificationDueDays, publicNoticeDays, monthlyMonitoringDueDay, stableIncomeMonths,
                    minimumMonitoredMonths, warningResponseDays, gradualExitMonths);
        }

        private static BigDecimal yuan(BigDecimal amount) {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        }
    }

    /** @param source the region prefix and year the thresholds in force were set for */
    record PolicyInForce(String regionPrefix, int year, PolicyThresholds thresholds, String sourceRegionPrefix,
                         int sourceYear, Instant changedAt) {
    }

    record ObjectModelView(String regionCode, String name, List<ObjectType> objectTypes) {
    }

    @GetMapping("/{regionPrefix}/{year}")
    @Operation(summary = "政策参数 — the thresholds in force for a region and year",
            description = "The most specific prefix with a policy wins, of the latest year not after the one asked "
                    + "for; the answer says where the thresholds come from.")
    PolicyInForce get(@PathVariable @Pattern(regexp = REGION_PREFIX) String regionPrefix,
                      @PathVariable @Min(2000) @Max(2100) int year) {
        String prefix = prefix(regionPrefix);
        Jurisdiction.requireAboveOrWithin(prefix);
        PolicyBook.InForce source = policies.inForce(prefix, year)
                .orElseThrow(() -> RuleViolation.of("POLICY_MISSING", prefix, year));
        return new PolicyInForce(regionPrefix, year, source.thresholds(),
                source.regionPrefix().isEmpty() ? "national" : source.regionPrefix(), source.year(),
                source.changedAt());
    }

    @PutMapping("/{regionPrefix}/{year}")
    @PreAuthorize("hasAnyRole('ADMIN', 'COUNTY_APPROVER')")
    @Operation(summary = "政策参数调整 — set the thresholds of a region and year (audited PolicyChanged)",
            description = "ADMIN or COUNTY_APPROVER within their region; the national baseline by ADMIN only. "
                    + "Setting the thresholds already in place records nothing.")
    PolicyInForce put(@PathVariable @Pattern(regexp = REGION_PREFIX) String regionPrefix,
                      @PathVariable @Min(2000) @Max(2100) int year, @Valid @RequestBody PolicyRequest request) {
        String prefix = prefix(regionPrefix);
        if (prefix.isEmpty()) {
            Actor actor = RequestContext.requireActor();
            if (actor.role() != Role.ADMIN) {
                throw RuleViolation.forbidden("POLICY_NATIONAL_BY_ADMIN_ONLY");
            }
        } else {
            Jurisdiction.requireWritableWithin(prefix);
        }
        commands.sendAndWait(SetPolicyCommand.of(prefix, year, request.thresholds(), request.reason()));
        return get(regionPrefix, year);
    }

    @GetMapping("/object-types")
    @Operation(summary = "监测对象类型 — the monitoring-object model the region runs and the types it offers")
    ObjectModelView objectTypes(@RequestParam @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}") String region) {
        Jurisdiction.requireAboveOrWithin(region);
        var model = objectModels.of(region);
        return new ObjectModelView(region, model.name(), model.objectTypes());
    }

    private static String prefix(String regionPrefix) {
        return "national".equals(regionPrefix) ? "" : regionPrefix;
    }
}
