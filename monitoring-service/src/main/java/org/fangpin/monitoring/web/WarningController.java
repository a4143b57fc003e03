package org.fangpin.monitoring.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.contracts.value.RegionCode;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.monitoring.query.MonitoringQueries;
import org.fangpin.monitoring.query.MonitoringQueries.WarningView;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.platform.web.Pages;
import org.fangpin.platform.web.RuleViolation;

/** The open warnings (预警) of a region, by level, a page at a time. */
@RestController
@RequestMapping("/api/warnings")
@PreAuthorize(Jurisdiction.HOUSEHOLD_READERS)
@Tag(name = "预警", description = "Open warnings of a region, by level")
class WarningController {

    private final MonitoringQueries queries;

    WarningController(MonitoringQueries queries) {
        this.queries = queries;
    }

    /** @param nextCursor the cursor of the next page; absent on the last page */
    record WarningPage(List<WarningView> warnings, String nextCursor) {
    }

    /**
     * @param region a region prefix within the caller's jurisdiction (2, 4, 6, 9 or 12 digits); the caller's own
     *               region when absent (everything for a national scope)
     * @param cursor the {@code nextCursor} of the previous page
     */
    @GetMapping
    @Operation(summary = "预警列表 — the open warnings of a region",
            description = "Any reader, within their region (region defaults to the caller's own; everything for a "
                    + "national scope), optionally of one level (I_RED, II_YELLOW, III_BLUE), a page at a time: "
                    + "pass nextCursor as cursor for the next page (422 INVALID_CURSOR for a cursor this list "
                    + "did not give).")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = "The cursor is not one this list gave (INVALID_CURSOR)")
    WarningPage warnings(@RequestParam(required = false) WarningLevel level,
                         @RequestParam(required = false) @Pattern(regexp = RegionCode.PREFIX) String region,
                         @RequestParam(required = false) String cursor,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        String within = Jurisdiction.regionAsked(region);
        List<WarningView> page = queries.openWarnings(within, level == null ? null : level.name(), after(cursor),
                limit);
        String next = Pages.nextCursor(page, limit, WarningView::seq);
        return new WarningPage(page, next);
    }

    private static long after(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw RuleViolation.of("INVALID_CURSOR", cursor);
        }
    }
}
