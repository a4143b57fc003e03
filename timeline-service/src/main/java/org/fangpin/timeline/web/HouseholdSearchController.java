package org.fangpin.timeline.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RegionCode;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.timeline.query.HouseholdSearchQueries;
import org.fangpin.timeline.query.HouseholdSearchQueries.After;
import org.fangpin.timeline.query.HouseholdSearchQueries.Filter;
import org.fangpin.timeline.query.HouseholdSearchQueries.Found;
import org.fangpin.timeline.query.HouseholdStatus;
import org.fangpin.timeline.web.TimelineController.Named;

/** 户查询: the households within the caller's jurisdiction, for supervisors and everyone who reads households. */
@RestController
@PreAuthorize(Jurisdiction.HOUSEHOLD_READERS)
@Tag(name = "户查询", description = "The households within the caller's jurisdiction, by name, region, status, "
        + "object type and warning level")
class HouseholdSearchController {

    private final HouseholdSearchQueries queries;

    HouseholdSearchController(HouseholdSearchQueries queries) {
        this.queries = queries;
    }

    /** @param headIdNumber in full for the roles that verify and decide, masked for everyone else */
    record Household(String householdId, String headName, String headIdNumber, String regionCode, Named status,
                     Named objectType, Named warningLevel) {
    }

    /** @param nextCursor pass as {@code cursor} for the next page; absent on the last page */
    record Page(List<Household> households, String nextCursor) {
    }

    @GetMapping("/api/timeline/households")
    @Operation(summary = "户查询 — the households within the caller's jurisdiction",
            description = "Any reader, within their region (region, a township or village prefix, defaults to the "
                    + "caller's own), optionally of one status, object type or warning level, or whose head's name "
                    + "contains name; in order of region code and household id, a page at a time: pass nextCursor "
                    + "as cursor for the next page. The head's ID number is masked for the roles that do not "
                    + "verify or decide.")
    Page households(@RequestParam(required = false) @Pattern(regexp = RegionCode.PREFIX) String region,
                    @RequestParam(required = false) @Size(min = 1, max = 30) String name,
                    @RequestParam(required = false) HouseholdStatus status,
                    @RequestParam(required = false) ObjectType objectType,
                    @RequestParam(required = false) WarningLevel warningLevel,
                    @RequestParam(required = false) @Pattern(regexp = "\\d{1,12}:[^:]{1,64}") String cursor,
                    @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        Filter filter = new Filter(Jurisdiction.regionAsked(region), status, objectType, warningLevel,
                name == null || name.isBlank() ? null : name.strip());
        After after = cursor == null ? null : new After(cursor.substring(0, cursor.indexOf(':')),
                cursor.substring(cursor.indexOf(':') + 1));
        List<Found> found = queries.page(filter, after, size + 1);
        List<Household> households = found.stream().limit(size).map(HouseholdSearchController::household).toList();
        Household last = households.isEmpty() ? null : households.get(households.size() - 1);
        return new Page(households, found.size() > size ? last.regionCode() + ":" + last.householdId() : null);
    }

    private static Household household(Found found) {
        return new Household(found.householdId(), found.headName(), Jurisdiction.idNumber(found.headIdNumber()),
                found.regionCode(),
                new Named(found.status().name(), found.status().chineseName()),
                found.objectType() == null ? null
                        : new Named(found.objectType().name(), found.objectType().chineseName()),
                found.warningLevel() == null ? null
                        : new Named(found.warningLevel().name(), found.warningLevel().chineseName()));
    }
}
