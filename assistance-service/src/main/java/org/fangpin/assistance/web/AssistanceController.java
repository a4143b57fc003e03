package org.fangpin.assistance.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.assistance.command.Commands.AddMeasureCommand;
import org.fangpin.assistance.command.Commands.ConfirmDevelopmentalAssistanceCommand;
import org.fangpin.assistance.command.Commands.DesignateSafetyNetHouseholdCommand;
import org.fangpin.assistance.command.Commands.ReportNewRiskCommand;
import org.fangpin.assistance.command.Commands.RespondToWarningCommand;
import org.fangpin.assistance.command.Commands.UpdateMeasureCommand;
import org.fangpin.assistance.query.CaseQueries;
import org.fangpin.assistance.query.CaseQueries.CaseSummary;
import org.fangpin.assistance.query.CaseQueries.CaseView;
import org.fangpin.assistance.query.CaseQueries.MeasureView;
import org.fangpin.contracts.value.MeasureStatus;
import org.fangpin.contracts.value.MeasureType;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.platform.web.RuleViolation;

/** A household's assistance case (一户一策): its measures, its answers to warnings and its policy marks. */
@RestController
@RequestMapping("/api/assistance")
@PreAuthorize(Jurisdiction.HOUSEHOLD_READERS)
@Tag(name = "帮扶", description = "Assistance plans and measures (一户一策), warning responses, developmental "
        + "assistance and safety-net designation")
class AssistanceController {

    private final CommandGateway commands;
    private final CaseQueries queries;
    private final CaseAccess access;
    private final Clock clock;

    AssistanceController(CommandGateway commands, CaseQueries queries, CaseAccess access, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.clock = clock;
    }

    /**
     * @param riskTypes the identified risks the measure addresses (针对性), judged at elimination
     * @param dueDate   限时办结: not before today
     */
    record AddMeasureRequest(@NotNull MeasureType measureType, @NotBlank @Size(max = 500) String description,
                             List<@NotNull RiskType> riskTypes, @NotBlank @Size(max = 60) String department,
                             @NotBlank @Size(max = 60) String responsiblePerson, @NotNull LocalDate dueDate) {
    }

    record MeasureReference(String measureId, String householdId) {
    }

    /** Only the fields given change; ending a safety-net measure starts its gradual exit (渐退期). */
    record UpdateMeasureRequest(MeasureStatus status, @Size(max = 1000) String progressNote,
                                @Size(max = 500) String outcome,
                                @DecimalMin("-99999999.99") @Digits(integer = 8, fraction = 2) BigDecimal incomeEffect,
                                LocalDate dueDate) {
    }

    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record NewRiskRequest(@NotEmpty List<@NotNull RiskType> riskTypes, @NotBlank @Size(max = 500) String reason) {
    }

    @GetMapping("/{householdId}")
    @Operation(summary = "帮扶档案 — a household's assistance case",
            description = "Any reader within the household's region: the object type and risks, the measures with "
                    + "their departments, deadlines and progress, the warnings and their responses, "
                    + "developmental assistance and safety-net designation, and every elimination and rollback "
                    + "with its step.")
    CaseView assistanceCase(@PathVariable String householdId) {
        CaseView found = queries.assistanceCase(householdId)
                .orElseThrow(() -> RuleViolation.notFound("ASSISTANCE_CASE_NOT_FOUND", householdId));
        Jurisdiction.requireWithin(found.regionCode());
        return found;
    }

    @PostMapping("/{householdId}/measures")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER', 'COUNTY_APPROVER')")
    @Operation(summary = "帮扶措施 — add a measure to the household's plan",
            description = "A village officer, township reviewer or county approver of the household's region adds a "
                    + "measure of a type (产业, 就业, 兜底保障, 医疗救助, ...) with its responsible department, the "
                    + "identified risks it addresses and its deadline (限时办结, not before today) (201).")
    MeasureReference addMeasure(@PathVariable String householdId, @Valid @RequestBody AddMeasureRequest request) {
        access.writableCase(householdId);
        String measureId = UUID.randomUUID().toString();
        commands.sendAndWait(new AddMeasureCommand(householdId, measureId, request.measureType(),
                request.description(), request.riskTypes() == null ? List.of() : request.riskTypes(),
                request.department(), request.responsiblePerson(), request.dueDate(), LocalDate.now(clock)));
        return new MeasureReference(measureId, householdId);
    }

    @PatchMapping("/{householdId}/measures/{measureId}")
    @PreAuthorize("hasAnyRole('VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER', 'COUNTY_APPROVER')")
    @Operation(summary = "帮扶措施变更 — progress, outcome or deadline of a measure",
            description = "A village officer, township reviewer or county approver of the household's region "
                    + "changes only the fields given: status, progress note, outcome, income effect, deadline. "
                    + "Ending a safety-net measure starts its gradual exit (渐退期).")
    MeasureView updateMeasure(@PathVariable String householdId, @PathVariable String measureId,
                              @Valid @RequestBody UpdateMeasureRequest request) {
        CaseSummary found = access.writableCase(householdId);
        queries.measure(measureId).filter(measure -> measure.householdId().equals(householdId))
                .orElseThrow(() -> RuleViolation.notFound("MEASURE_NOT_FOUND", measureId));
        LocalDate today = LocalDate.now(clock);
        int gradualExitMonths = access.policy(found.regionCode(), today).gradualExitMonths();
        commands.sendAndWait(new UpdateMeasureCommand(householdId, measureId, request.status(),
                request.progressNote(), request.outcome(), request.incomeEffect(), request.dueDate(),
                gradualExitMonths, today));
        return queries.measure(measureId).orElseThrow();
    }

    /** 预警响应 with a reason why no new or changed measure is needed. */
    @PostMapping("/{householdId}/warnings/{warningId}/response")
    @PreAuthorize("hasAnyRole('VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER', 'COUNTY_APPROVER')")
    @Operation(summary = "预警响应 — answer a warning without a new measure",
            description = "A village officer, township reviewer or county approver of the household's region "
                    + "answers a monitoring warning with the reason why no new or changed measure is needed.")
    CaseView respondToWarning(@PathVariable String householdId, @PathVariable String warningId,
                              @Valid @RequestBody ReasonRequest request) {
        access.writableCase(householdId);
        commands.sendAndWait(new RespondToWarningCommand(householdId, warningId, request.reason(),
                LocalDate.now(clock)));
        return queries.assistanceCase(householdId).orElseThrow();
    }

    /** 已实施开发式帮扶: the village confirms, then the township. */
    @PostMapping("/{householdId}/developmental-assistance/confirmation")
    @PreAuthorize("hasAnyRole('VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER')")
    @Operation(summary = "已实施开发式帮扶 — confirm developmental assistance",
            description = "For a household able to work: a village officer confirms, then a township reviewer; the "
                    + "case is then marked 已实施开发式帮扶.")
    CaseView confirmDevelopmentalAssistance(@PathVariable String householdId) {
        access.writableCase(householdId);
        commands.sendAndWait(new ConfirmDevelopmentalAssistanceCommand(householdId, CaseAccess.level(),
                LocalDate.now(clock)));
        return queries.assistanceCase(householdId).orElseThrow();
    }

    /** 整户无劳动能力兜底保障户: the village finds it, the township designates it. */
    @PostMapping("/{householdId}/safety-net-designation")
    @PreAuthorize("hasAnyRole('VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER')")
    @Operation(summary = "整户无劳动能力兜底保障户 — designate a safety-net household",
            description = "A village officer finds that no member of the household can work, then a township "
                    + "reviewer designates it; the household then keeps its risk un-eliminated under safety-net "
                    + "protection.")
    CaseView designateSafetyNetHousehold(@PathVariable String householdId,
                                         @Valid @RequestBody ReasonRequest request) {
        access.writableCase(householdId);
        commands.sendAndWait(new DesignateSafetyNetHouseholdCommand(householdId, CaseAccess.level(),
                request.reason(), LocalDate.now(clock)));
        return queries.assistanceCase(householdId).orElseThrow();
    }

    /** 风险再标注: a new, different risk after elimination goes to identification, not to rollback. */
    @PostMapping("/{householdId}/new-risk")
    @PreAuthorize("hasAnyRole('VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER')")
    @Operation(summary = "风险再标注 — a new, different risk after elimination",
            description = "A village officer or township reviewer reports a new risk of an eliminated household; it "
                    + "goes to identification again, not to rollback.")
    CaseView reportNewRisk(@PathVariable String householdId, @Valid @RequestBody NewRiskRequest request) {
        access.writableCase(householdId);
        commands.sendAndWait(new ReportNewRiskCommand(householdId, request.riskTypes(), request.reason(),
                LocalDate.now(clock)));
        return queries.assistanceCase(householdId).orElseThrow();
    }
}
