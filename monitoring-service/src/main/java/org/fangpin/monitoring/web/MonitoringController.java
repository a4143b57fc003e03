package org.fangpin.monitoring.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.contracts.value.ClosureReason;
import org.fangpin.contracts.value.ColourGrade;
import org.fangpin.contracts.value.RegionCode;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.monitoring.command.Commands.CloseMonitoringCommand;
import org.fangpin.monitoring.command.Commands.Recorded;
import org.fangpin.monitoring.process.MissedMonitoringCheck;
import org.fangpin.monitoring.process.MissedMonitoringCheck.Checked;
import org.fangpin.monitoring.process.MonthlyRecords;
import org.fangpin.monitoring.process.MonthlyRecords.HouseholdRecord;
import org.fangpin.monitoring.process.MonthlyRecords.MonthlyRecordRequest;
import org.fangpin.monitoring.process.MonthlyRecords.RecordsRefused;
import org.fangpin.monitoring.query.DueVisits;
import org.fangpin.monitoring.query.DueVisits.DueVisit;
import org.fangpin.monitoring.query.MonitoringQueries;
import org.fangpin.monitoring.query.MonitoringQueries.HouseholdRegion;
import org.fangpin.monitoring.query.MonitoringQueries.MissedView;
import org.fangpin.monitoring.query.MonitoringQueries.MonitoredHouseholdView;
import org.fangpin.monitoring.query.MonitoringQueries.MonthlyRecordView;
import org.fangpin.monitoring.query.MonitoringQueries.WarningChangeView;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.policy.PolicyBook;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.platform.web.BusinessDay;
import org.fangpin.platform.web.Pages;
import org.fangpin.platform.web.Problems;
import org.fangpin.platform.web.RuleViolation;

/** A household's monthly dynamic monitoring (动态监测): its standing, records, warnings and missed months. */
@RestController
@RequestMapping("/api/monitoring")
@PreAuthorize(Jurisdiction.HOUSEHOLD_READERS)
@Tag(name = "动态监测", description = "Monthly dynamic monitoring of monitoring objects: records, warnings, "
        + "missed months, closure")
class MonitoringController {

    private static final String RECORDERS = "hasAnyRole('VILLAGE_OFFICER', 'TOWNSHIP_REVIEWER')";

    private final MonitoringQueries queries;
    private final MonthlyRecords records;
    private final Problems problems;
    private final CommandGateway commands;
    private final MissedMonitoringCheck missedCheck;
    private final PolicyBook policy;
    private final DueVisits dueVisits;
    private final Clock clock;

    MonitoringController(MonitoringQueries queries, MonthlyRecords records, Problems problems,
                         CommandGateway commands, MissedMonitoringCheck missedCheck, PolicyBook policy,
                         DueVisits dueVisits, Clock clock) {
        this.queries = queries;
        this.dueVisits = dueVisits;
        this.records = records;
        this.problems = problems;
        this.commands = commands;
        this.missedCheck = missedCheck;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * @param warningLevel      the household's open warning after the record, which follows its latest month
     * @param monthWarningLevel the level the recorded month's own findings call for
     * @param latestMonth       the household's latest recorded month: later than {@code month} when an earlier
     *                          month was entered late (补录), which changes no warning
     */
    record MonthRecorded(String householdId, YearMonth month, boolean correction, WarningLevel warningLevel,
                         ColourGrade colourGrade, WarningLevel monthWarningLevel, YearMonth latestMonth) {
    }

    record HouseholdMonthlyRecord(@NotBlank String householdId, @NotNull @Valid MonthlyRecordRequest record) {
    }

    record BulkRecorded(int recorded, long corrections) {
    }

    /** A refused record of a bulk request: its position in the request, its household, and why. */
    record RefusedRecord(int index, String householdId, String code, String detail) {
    }

    @GetMapping("/{householdId}")
    @Operation(summary = "监测户 — where a household stands in monthly monitoring",
            description = "Any reader within the household's region: its object type, since when it is monitored "
                    + "and whether under look-back, its open warning level and colour grade, its latest "
                    + "recorded month, a visit asked for by an area hazard, and its closure if closed.")
    MonitoredHouseholdView household(@PathVariable String householdId) {
        return visible(householdId);
    }

    @GetMapping("/{householdId}/records")
    @Operation(summary = "月度监测记录 — every monthly record of a household",
            description = "Any reader within the household's region: the household's monthly records, month by "
                    + "month, corrections beside the records they correct.")
    List<MonthlyRecordView> records(@PathVariable String householdId) {
        visible(householdId);
        return queries.records(householdId);
    }

    @GetMapping("/{householdId}/warnings")
    @Operation(summary = "预警变化 — the history of a household's warnings",
            description = "Any reader within the household's region: each warning raised, changed or cleared, with "
                    + "the rule that spoke, the figure observed, the threshold and the day.")
    List<WarningChangeView> warningHistory(@PathVariable String householdId) {
        visible(householdId);
        return queries.warningHistory(householdId);
    }

    /** 每月动态监测: a second record of a month is a correction, kept beside the first. */
    @PostMapping("/{householdId}/records")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(RECORDERS)
    @Operation(summary = "每月动态监测 — record a household's month",
            description = "A village officer or township reviewer of the household's region records the month's "
                    + "income, expenditures, guarantees and emergencies (201). The warning rules grade the "
                    + "findings into a warning (I red, II yellow, III blue) and a colour grade; a second record "
                    + "of the same month is a correction, kept beside the first; an earlier month entered late "
                    + "(补录) changes no warning.")
    MonthRecorded record(@PathVariable String householdId, @Valid @RequestBody MonthlyRecordRequest request) {
        MonitoredHouseholdView household = visible(householdId);
        Jurisdiction.requireWritableWithin(household.regionCode());
        Recorded recorded = records.record(householdId, household.regionCode(), request);
        return new MonthRecorded(householdId, request.month(), recorded.correction(), recorded.warningLevel(),
                recorded.colourGrade(), recorded.monthWarningLevel(), recorded.latestMonth());
    }

    /**
     * A village officer's month for many households at once: all of them are recorded, or, when the rules refuse
     * any, none, and the answer (422 {@code MONITORING_RECORDS_REFUSED}) lists every refused record.
     */
    @PostMapping("/records")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(RECORDERS)
    @Operation(summary = "批量月度监测 — one month for many households at once",
            description = "A village officer or township reviewer records up to 500 households of their region in "
                    + "one request (201): all of them are recorded, or, when the rules refuse any, none, and "
                    + "the answer (422 MONITORING_RECORDS_REFUSED) lists every refused record with its "
                    + "position, household and reason.")
    BulkRecorded recordMany(@RequestBody @NotEmpty @Size(max = 500) List<@Valid HouseholdMonthlyRecord> request) {
        Map<String, String> regions = queries.regionsOf(request.stream().map(HouseholdMonthlyRecord::householdId)
                        .distinct().toList()).stream()
                .collect(Collectors.toMap(HouseholdRegion::householdId, HouseholdRegion::regionCode));
        for (HouseholdMonthlyRecord item : request) {
            String region = regions.get(item.householdId());
            if (region == null) {
                throw RuleViolation.notFound("MONITORING_NOT_FOUND", item.householdId());
            }
            Jurisdiction.requireWritableWithin(region);
        }
        List<Recorded> recorded = records.recordAll(request.stream().map(item ->
                new HouseholdRecord(item.householdId(), regions.get(item.householdId()), item.record())).toList());
        return new BulkRecorded(recorded.size(), recorded.stream().filter(Recorded::correction).count());
    }

    @ExceptionHandler(RecordsRefused.class)
    ProblemDetail recordsRefused(RecordsRefused refused, Locale locale) {
        ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "MONITORING_RECORDS_REFUSED",
                locale, refused.refusals().size());
        problem.setProperty("refusals", refused.refusals().stream().map(refusal -> new RefusedRecord(
                refusal.index(), refusal.householdId(), refusal.violation().code(), problems.problem(
                        refusal.violation().status(), refusal.violation().code(), locale,
                        refusal.violation().args()).getDetail())).toList());
        return problem;
    }

    /**
     * @param judgement      the county's 研判意见: what was checked and found
     * @param closedOn       the day the county decided the closure; today when absent, never a day to come
     * @param backdatingNote 补录说明: why a closure dated more than the policy's backdatingDaysWithoutNote days back
     *                       is recorded only now
     */
    record ClosureRequest(@NotNull ClosureReason reason, @NotBlank @Size(max = 500) String judgement,
                          LocalDate closedOn, @Size(max = 500) String backdatingNote) {
    }

    record Closed(String householdId, ClosureReason reason, LocalDate closedOn) {
    }

    /**
     * 终止监测: only the county ends a household's dynamic monitoring, and says why, dated the day it decided: not in
     * the future (422 DATE_IN_FUTURE), not before monitoring or look-back began (422
     * MONITORING_CLOSURE_BEFORE_PREVIOUS_STEP), more than the policy's allowance back only with the county's note
     * (422 MONITORING_BACKDATING_NOTE_REQUIRED).
     */
    @PostMapping("/{householdId}/closure")
    @PreAuthorize("hasRole('COUNTY_APPROVER')")
    @Operation(summary = "终止监测 — the county ends a household's monitoring",
            description = "A county approver ends the dynamic monitoring of a household and says why, dated the day "
                    + "it decided: not in the future (422 DATE_IN_FUTURE), not before monitoring or look-back "
                    + "began (422 MONITORING_CLOSURE_BEFORE_PREVIOUS_STEP), more than the policy's allowance "
                    + "back only with the county's note (422 MONITORING_BACKDATING_NOTE_REQUIRED).")
    Closed close(@PathVariable String householdId, @Valid @RequestBody ClosureRequest request) {
        MonitoredHouseholdView household = visible(householdId);
        Jurisdiction.requireWritableWithin(household.regionCode());
        LocalDate closedOn = BusinessDay.happenedOn(request.closedOn(), clock);
        BusinessDay closed = BusinessDay.entered(request.closedOn(), clock,
                policy.require(household.regionCode(), closedOn.getYear()).backdatingDaysWithoutNote(),
                request.backdatingNote());
        commands.sendAndWait(new CloseMonitoringCommand(householdId, request.reason(), request.judgement(), closed));
        return new Closed(householdId, request.reason(), closed.on());
    }

    /**
     * 漏测核查 on demand: the county checks its region now, the reporting day itself included, rather than wait for
     * the night; the check is on record with who ran it, whether or not anybody was missed.
     *
     * @param region a region prefix within the county (2, 4, 6, 9 or 12 digits); the county itself when absent
     */
    @PostMapping("/missed-checks")
    @PreAuthorize("hasRole('COUNTY_APPROVER')")
    @Operation(summary = "漏测核查 — check now for missed monthly records",
            description = "A county approver checks a region within the county (default: the whole county) now, the "
                    + "reporting day itself included, rather than wait for the nightly check: households whose "
                    + "month is due and unrecorded are flagged. The check is on record with who ran it, whether "
                    + "or not anybody was missed.")
    Checked checkMissed(@RequestParam(required = false) @Pattern(regexp = RegionCode.PREFIX) String region) {
        String within = region == null ? RequestContext.requireActor().regionPrefix() : region;
        Jurisdiction.requireWritableWithin(within);
        return missedCheck.checkNow(within);
    }

    /** 漏测: the households of a village whose month was flagged and is still unrecorded. */
    @GetMapping("/missed")
    @Operation(summary = "漏测名单 — households of a village whose month is still unrecorded",
            description = "Any reader within the village's jurisdiction: the households of the village whose record "
                    + "of the month was flagged as missed and is still not entered.")
    List<MissedView> missed(@RequestParam @Pattern(regexp = "\\d{12}") String village,
                            @RequestParam YearMonth month) {
        Jurisdiction.requireWithin(village);
        return queries.missed(village, month);
    }

    /** @param nextCursor the cursor of the next page; absent on the last page */
    record DueVisitPage(List<DueVisit> visits, String nextCursor) {
    }

    /**
     * 本月待监测: the households whose month is still to be recorded before their village's reporting day.
     *
     * @param region a region prefix within the caller's jurisdiction; the caller's own region when absent (a village
     *               officer's village)
     * @param cursor the {@code nextCursor} of the previous page
     */
    @GetMapping("/due")
    @Operation(summary = "本月待监测 — households whose month is still to be recorded before the reporting day",
            description = "Any reader, within their region (region defaults to the caller's own, a village officer's "
                    + "village): the monitored households with no record of the current month yet while their "
                    + "village's reporting day (monthlyMonitoringDueDay of the policy) has not passed, each with "
                    + "that day, a page at a time: pass nextCursor as cursor for the next page. Once the day has "
                    + "passed they are listed at /api/monitoring/missed instead.")
    DueVisitPage due(@RequestParam(required = false) @Pattern(regexp = RegionCode.PREFIX) String region,
                     @RequestParam(required = false) @Pattern(regexp = "[\\w-]{1,64}") String cursor,
                     @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        String within = Jurisdiction.regionAsked(region);
        List<DueVisit> page = dueVisits.page(within, LocalDate.now(clock), cursor, limit);
        return new DueVisitPage(page, Pages.nextCursor(page, limit, DueVisit::householdId));
    }

    private MonitoredHouseholdView visible(String householdId) {
        MonitoredHouseholdView household = queries.household(householdId)
                .orElseThrow(() -> RuleViolation.notFound("MONITORING_NOT_FOUND", householdId));
        Jurisdiction.requireWithin(household.regionCode());
        return household;
    }
}
