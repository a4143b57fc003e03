package org.fangpin.timeline.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.contracts.value.RegionCode;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.timeline.query.DashboardQueries;
import org.fangpin.timeline.query.DashboardQueries.Listing;
import org.fangpin.timeline.query.Exports;

/**
 * The dashboard of a region (a village up to the whole country for a national reader): where the households stand
 * and what is late, read in one transaction under the exports' statement timeout.
 */
@RestController
@PreAuthorize(Jurisdiction.HOUSEHOLD_READERS)
@Tag(name = "统计看板", description = "Where a region's households stand and what is late")
class DashboardController {

    private final DashboardQueries queries;
    private final Exports exports;
    private final Clock clock;

    DashboardController(DashboardQueries queries, Exports exports, Clock clock) {
        this.queries = queries;
        this.exports = exports;
        this.clock = clock;
    }

    /**
     * @param byTownship per township, households by status
     * @param months     per month of the year: identifications (and re-identifications), eliminations, rollbacks and
     *                   the overdue items raised
     * @param eliminationDue 应消未消
     */
    record Dashboard(String region, int year, Map<String, Long> byStatus, Map<String, Long> byObjectType,
                     Map<String, Long> byWarningLevel, Map<String, Map<String, Long>> byTownship,
                     Map<YearMonth, Map<String, Long>> months, Listing eliminationDue, Listing overdue) {
    }

    @GetMapping("/api/dashboard")
    @Operation(summary = "统计看板 — where a region's households stand",
            description = "Any reader, within their region (a village up to the whole country for a national "
                    + "reader; region defaults to the caller's own): households by status, object type and "
                    + "warning level, by township, per month of the year (identifications, eliminations, "
                    + "rollbacks, overdue items), those due for elimination (应消未消) and what is overdue.")
    Dashboard dashboard(@RequestParam(required = false) @Pattern(regexp = RegionCode.PREFIX) String region,
                        @RequestParam(required = false) @Min(2000) @Max(2100) Integer year) {
        String within = Jurisdiction.regionAsked(region);
        int shownYear = year != null ? year : LocalDate.now(clock).getYear();
        return exports.read(() -> new Dashboard(within, shownYear, queries.countByStatus(within),
                queries.countByObjectType(within), queries.countByWarningLevel(within),
                queries.countByTownship(within), queries.months(within, shownYear), queries.eliminationDue(within),
                queries.overdue(within)));
    }
}
