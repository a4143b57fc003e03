package org.fangpin.identification.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RegionCode;
import org.fangpin.contracts.value.WarningGrades;
import org.fangpin.contracts.value.WarningLevel;
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
@Tag(name = "政策参数", description = "Policy thresholds per region and year, and the monitoring-object models")
class PolicyController {

    /** {@code national} or a province (2), prefecture (4), county (6), township (9) or village (12) prefix. */
    private static final String REGION_PREFIX = "national|" + RegionCode.PREFIX;
    /** 2020: the year the monitoring and assistance mechanism (防止返贫监测和帮扶机制) was set up. */
    private static final int FIRST_YEAR = 2020;
    private static final int COUNTY_DIGITS = 6;

    private final CommandGateway commands;
    private final PolicyBook policies;
    private final ObjectModels objectModels;
    private final Clock clock;

    PolicyController(CommandGateway commands, PolicyBook policies, ObjectModels objectModels, Clock clock) {
        this.commands = commands;
        this.policies = policies;
        this.objectModels = objectModels;
        this.clock = clock;
    }

    @Schema(description = "The thresholds of a region and year, and why they are set. Each figure must lie within "
            + "the range the work plans and national guidance allow (minimum and maximum below): a monitoring line "
            + "of 3,000 to 30,000 yuan, a public notice of at least 5 days, at least 6 months of stable income and "
            + "of monitoring before elimination. The notice days per object type, the warning grades and the "
            + "backdating allowance may be left out: they are then kept as in force for the region and year.")
    record PolicyRequest(
            @Schema(description = "监测收入标准, per-capita net income in yuan a year (national 2021: 6,000; Inner "
                    + "Mongolia 2024: 8,300)", example = "8300.00")
            @NotNull @DecimalMin("3000.00") @DecimalMax("30000.00") @Digits(integer = 8, fraction = 2)
            BigDecimal monitoringLine,
            @Schema(description = "医疗自付费用预警线, yuan a year (seeds piece 7: 5,000)", example = "5000.00")
            @NotNull @DecimalMin("1000.00") @DecimalMax("100000.00") @Digits(integer = 8, fraction = 2)
            BigDecimal medicalExpenditureWarningLine,
            @Schema(description = "灾害损失预警线, yuan (seeds piece 7: 10,000)", example = "10000.00")
            @NotNull @DecimalMin("1000.00") @DecimalMax("100000.00") @Digits(integer = 8, fraction = 2)
            BigDecimal disasterLossWarningLine,
            @Schema(description = "教育支出预警线, yuan a year (seeds piece 7: 8,000)", example = "8000.00")
            @NotNull @DecimalMin("1000.00") @DecimalMax("100000.00") @Digits(integer = 8, fraction = 2)
            BigDecimal educationExpenditureWarningLine,
            @Schema(description = "入户核实时限, working days after the lead", example = "5")
            @NotNull @Min(1) @Max(15) Integer verificationDueWorkingDays,
            @Schema(description = "识别认定时限 from discovery to the county decision, days (national: 15)",
                    example = "15")
            @NotNull @Min(10) @Max(30) Integer identificationDueDays,
            @Schema(description = "村级公示天数 (the plans: at least 5)", example = "5")
            @NotNull @Min(5) @Max(30) Integer publicNoticeDays,
            @Schema(description = "the day of the month by which the monthly record is due", example = "25")
            @NotNull @Min(1) @Max(28) Integer monthlyMonitoringDueDay,
            @Schema(description = "months of income stably above the line before elimination (at least 6)",
                    example = "6")
            @NotNull @Min(6) @Max(24) Integer stableIncomeMonths,
            @Schema(description = "months under monitoring before elimination (at least 6)", example = "6")
            @NotNull @Min(6) @Max(24) Integer minimumMonitoredMonths,
            @Schema(description = "days within which assistance responds to a warning", example = "15")
            @NotNull @Min(1) @Max(30) Integer warningResponseDays,
            @Schema(description = "渐退期, months a safety-net measure continues after elimination", example = "6")
            @NotNull @Min(0) @Max(12) Integer gradualExitMonths,
            @Schema(description = "公示天数 of the object types that need a longer notice (5 to 30 days each)",
                    example = "{\"MINIMUM_LIVING_ALLOWANCE\": 7, \"EXTREME_HARDSHIP_SUPPORT\": 7}")
            Map<@NotNull ObjectType, @NotNull @Min(5) @Max(30) Integer> publicNoticeDaysByObjectType,
            @Schema(description = "分级预警: the level each warning rule raises, by rule code (the codes of the "
                    + "seeds' grading: INCOME_BELOW_MONITORING_LINE, GUARANTEE_GAP, ..., DEPARTMENT_<indicator>)",
                    example = "{\"INCOME_ONLY_FROM_TRANSFERS\": \"II_YELLOW\"}")
            Map<@NotNull String, @NotNull WarningLevel> warningGrades,
            @Schema(description = "days before its recording a step may be dated without a county approver's note "
                    + "(0 to 90)", example = "40")
            @Min(0) @Max(90) Integer backdatingDaysWithoutNote,
            @Schema(description = "why: the document or decision the change follows; for a correction of "
                    + "thresholds decisions may have used, what is corrected and why",
                    example = "自治区2024年防止返贫监测收入基准调整为8300元")
            @Size(max = 500) String reason) {

        /** The thresholds asked for; what the request leaves out is kept as in force. */
        PolicyThresholds thresholds(PolicyThresholds inForce) {
            return new PolicyThresholds(yuan(monitoringLine), yuan(medicalExpenditureWarningLine),
                    yuan(disasterLossWarningLine), yuan(educationExpenditureWarningLine), verificationDueWorkingDays,
                    identificationDueDays, publicNoticeDays, monthlyMonitoringDueDay, stableIncomeMonths,
                    minimumMonitoredMonths, warningResponseDays, gradualExitMonths,
                    publicNoticeDaysByObjectType != null ? publicNoticeDaysByObjectType
                            : inForce == null ? null : inForce.publicNoticeDaysByObjectType(),
                    warningGrades != null ? warningGrades : inForce == null ? null : inForce.warningGrades(),
                    backdatingDaysWithoutNote != null ? backdatingDaysWithoutNote
                            : inForce == null ? null : inForce.backdatingDaysWithoutNote());
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
            description = "Any reader within or above the region. The most specific prefix with a policy wins, "
                    + "of the latest year not after the one asked for; the answer says where the thresholds come "
                    + "from.")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = "No policy is set for the region and year (POLICY_MISSING)")
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
    @Operation(summary = "政策参数调整 — set the thresholds of a region and year (audited PolicyChanged or PolicyCorrected)",
            description = "The national baseline by an ADMIN of national scope only (403 "
                    + "POLICY_NATIONAL_BY_ADMIN_ONLY); a province's or prefecture's by an ADMIN whose region covers it (403 "
                    + "POLICY_ABOVE_COUNTY_BY_ADMIN_ONLY); a county's and below by an ADMIN or COUNTY_APPROVER within "
                    + "their region. The year lies from 2020, when the monitoring mechanism began, to next year (422 "
                    + "POLICY_YEAR_OUT_OF_RANGE). Thresholds that decisions may already have used (an earlier year, or "
                    + "the current year's existing entry) are changed only as a correction, PolicyCorrected, whose "
                    + "reason is required (422 POLICY_CORRECTION_REASON_REQUIRED); decisions made before keep the "
                    + "thresholds they recorded. Setting the thresholds already in place records nothing.")
    PolicyInForce put(@PathVariable @Pattern(regexp = REGION_PREFIX) String regionPrefix,
                      @PathVariable @Min(FIRST_YEAR) @Max(2100) int year, @Valid @RequestBody PolicyRequest request) {
        String prefix = prefix(regionPrefix);
        requireMaySet(prefix);
        LocalDate today = LocalDate.now(clock);
        if (year > today.getYear() + 1) {
            throw RuleViolation.of("POLICY_YEAR_OUT_OF_RANGE", year, FIRST_YEAR, today.getYear() + 1);
        }
        if (request.warningGrades() != null) {
            request.warningGrades().keySet().stream().filter(rule -> !WarningGrades.SEED_BASELINE.containsKey(rule))
                    .findFirst().ifPresent(rule -> {
                        throw RuleViolation.of("POLICY_UNKNOWN_WARNING_RULE", rule);
                    });
        }
        PolicyThresholds inForce = policies.thresholds(prefix, year).orElse(null);
        commands.sendAndWait(SetPolicyCommand.of(prefix, year, request.thresholds(inForce), request.reason(), today));
        return get(regionPrefix, year);
    }

    @GetMapping("/object-types")
    @Operation(summary = "监测对象类型 — the monitoring-object model the region runs and the types it offers",
            description = "Any reader within or above the region (a county, township or village code): the "
                    + "monitoring-object model the region runs and the object types its county may identify "
                    + "households as.")
    ObjectModelView objectTypes(@RequestParam @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}") String region) {
        Jurisdiction.requireAboveOrWithin(region);
        var model = objectModels.of(region);
        return new ObjectModelView(region, model.name(), model.objectTypes());
    }

    /**
     * Who sets the rules of a region: the nation's only a national ADMIN, a province's or prefecture's only an ADMIN
     * whose region covers it, a county's and below an ADMIN or COUNTY_APPROVER within their region.
     */
    private static void requireMaySet(String prefix) {
        Actor actor = RequestContext.requireActor();
        if (prefix.isEmpty()) {
            if (actor.role() != Role.ADMIN || !actor.regionPrefix().isEmpty()) {
                throw RuleViolation.forbidden("POLICY_NATIONAL_BY_ADMIN_ONLY");
            }
        } else if (prefix.length() < COUNTY_DIGITS) {
            if (actor.role() != Role.ADMIN) {
                throw RuleViolation.forbidden("POLICY_ABOVE_COUNTY_BY_ADMIN_ONLY", prefix);
            }
            Jurisdiction.requireWithin(prefix);
        } else {
            Jurisdiction.requireWritableWithin(prefix);
        }
    }

    private static String prefix(String regionPrefix) {
        return "national".equals(regionPrefix) ? "" : regionPrefix;
    }
}
