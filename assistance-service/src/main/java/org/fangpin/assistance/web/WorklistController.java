package org.fangpin.assistance.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.access.prepost.PreAuthorize;

import org.fangpin.assistance.query.CaseQueries;
import org.fangpin.assistance.query.CaseQueries.LookBackFinding;
import org.fangpin.assistance.query.CaseQueries.MeasureView;
import org.fangpin.assistance.query.CaseQueries.UnansweredWarning;
import org.fangpin.assistance.query.EliminationDueList;
import org.fangpin.contracts.value.RegionCode;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.platform.web.Pages;
import org.fangpin.platform.web.RuleViolation;

/**
 * The work lists of a region, paged by cursor: 逾期 and 即将到期 measures per department, warnings awaiting a
 * response, 应消未消 households, and 回头看 findings on eliminated households.
 */
@RestController
@RequestMapping("/api/assistance")
@PreAuthorize(Jurisdiction.HOUSEHOLD_READERS)
@Tag(name = "工作清单", description = "Work lists of a region: overdue measures and measures falling due, "
        + "warnings awaiting a response, households due for elimination, look-back cases")
class WorklistController {

    private final CaseQueries queries;
    private final EliminationDueList eliminationDue;
    private final Clock clock;

    WorklistController(CaseQueries queries, EliminationDueList eliminationDue, Clock clock) {
        this.queries = queries;
        this.eliminationDue = eliminationDue;
        this.clock = clock;
    }

    record MeasurePage(List<MeasureView> measures, String nextCursor) {
    }

    record WarningPage(List<UnansweredWarning> warnings, String nextCursor) {
    }

    record LookBackPage(List<LookBackFinding> findings, String nextCursor) {
    }

    /** Overdue measures of a region (the caller's own by default), optionally of one department. */
    @GetMapping("/overdue-measures")
    @Operation(summary = "逾期措施 — measures past their deadline",
            description = "Any reader, within their region (region defaults to the caller's own), optionally of one "
                    + "department: the measures past their deadline (限时办结) and not done, a page at a time.")
    MeasurePage overdueMeasures(@RequestParam(required = false) @Pattern(regexp = RegionCode.PREFIX) String region,
                                @RequestParam(required = false) String department,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        String within = Jurisdiction.regionAsked(region);
        List<MeasureView> page = queries.overdueMeasures(within, department, cursor, limit);
        return new MeasurePage(page, Pages.nextCursor(page, limit, MeasureView::measureId));
    }

    /**
     * 限时办结 falling due: measures to be done within the coming days.
     *
     * @param withinDays how many days ahead, today included
     */
    @GetMapping("/measures-falling-due")
    @Operation(summary = "即将到期措施 — measures whose deadline falls within the coming days",
            description = "Any reader, within their region (region defaults to the caller's own), optionally of one "
                    + "department: the measures not done whose deadline (限时办结) falls between today and "
                    + "withinDays days ahead (default 14), soonest first, a page at a time: pass nextCursor as "
                    + "cursor for the next page (422 INVALID_CURSOR for a cursor this list did not give). Measures "
                    + "already past their deadline are at /api/assistance/overdue-measures.")
    MeasurePage measuresFallingDue(@RequestParam(required = false) @Pattern(regexp = RegionCode.PREFIX) String region,
                                   @RequestParam(required = false) String department,
                                   @RequestParam(defaultValue = "14") @Min(0) @Max(366) int withinDays,
                                   @RequestParam(required = false) String cursor,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        String within = Jurisdiction.regionAsked(region);
        if (cursor != null && !queries.measureExists(cursor)) {
            throw RuleViolation.of("INVALID_CURSOR", cursor);
        }
        LocalDate today = LocalDate.now(clock);
        List<MeasureView> page = queries.measuresFallingDue(within, department, today, today.plusDays(withinDays),
                cursor, limit);
        return new MeasurePage(page, Pages.nextCursor(page, limit, MeasureView::measureId));
    }

    /** 预警响应: open warnings still waiting for a measure or a stated reason in answer. */
    @GetMapping("/warnings-awaiting-response")
    @Operation(summary = "待响应预警 — open warnings with no response yet",
            description = "Any reader, within their region (region defaults to the caller's own): the open warnings "
                    + "that neither a measure nor a stated reason has answered yet, oldest first, each with the day "
                    + "it was flagged as answered too late if it was, a page at a time: pass nextCursor as cursor "
                    + "for the next page (422 INVALID_CURSOR for a cursor this list did not give). A response is "
                    + "recorded at /api/assistance/{householdId}/warnings/{warningId}/response or by a measure.")
    WarningPage warningsAwaitingResponse(@RequestParam(required = false) @Pattern(regexp = RegionCode.PREFIX)
                                         String region,
                                         @RequestParam(required = false) String cursor,
                                         @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        String within = Jurisdiction.regionAsked(region);
        if (cursor != null && !queries.warningExists(cursor)) {
            throw RuleViolation.of("INVALID_CURSOR", cursor);
        }
        List<UnansweredWarning> page = queries.warningsAwaitingResponse(within, cursor, limit);
        return new WarningPage(page, Pages.nextCursor(page, limit, UnansweredWarning::warningId));
    }

    /** 应消未消: households meeting every elimination criterion for a while, with no proposal. */
    @GetMapping("/elimination-due")
    @Operation(summary = "应消未消 — households that should be eliminated",
            description = "Any reader, within their region (region defaults to the caller's own): households that "
                    + "have met every elimination criterion for a while with no proposal, a page at a time.")
    EliminationDueList.Page eliminationDue(@RequestParam(required = false) @Pattern(regexp = RegionCode.PREFIX)
                                           String region,
                                           @RequestParam(required = false) String cursor,
                                           @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return eliminationDue.page(Jurisdiction.regionAsked(region), cursor, limit, LocalDate.now(clock));
    }

    /** Eliminated households with an open warning: each needs a rollback proposal or a re-marking. */
    @GetMapping("/look-back")
    @Operation(summary = "回头看 — eliminated households with an open warning",
            description = "Any reader, within their region (region defaults to the caller's own): eliminated "
                    + "households with an open warning; each needs a rollback proposal or a new risk marked, a "
                    + "page at a time.")
    LookBackPage lookBack(@RequestParam(required = false) @Pattern(regexp = RegionCode.PREFIX) String region,
                          @RequestParam(required = false) String cursor,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        List<LookBackFinding> page = queries.lookBackFindings(Jurisdiction.regionAsked(region), cursor, limit);
        return new LookBackPage(page, Pages.nextCursor(page, limit, LookBackFinding::warningId));
    }

    /** A region prefix asked for (validated above), or the one the caller's own region reaches. */
}
