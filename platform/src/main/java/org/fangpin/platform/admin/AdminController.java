package org.fangpin.platform.admin;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.platform.admin.AdminActions.AdminAction;
import org.fangpin.platform.openapi.OpenApiConfiguration;

/**
 * Every service's operator commands and their record, under {@code /api/admin/<service>/}: the admin actions asked
 * of it (read by supervisors and inspection teams), the events its consumers parked on dead-letter topics, and
 * their replay. Dead letters concern households of every region, so only an ADMIN of national scope (region
 * {@code 00}) lists or replays them; every request, allowed or refused, is recorded.
 */
@RestController
@RequestMapping("/api/admin/${fangpin.service}")
@Validated
@Tag(name = OpenApiConfiguration.OPERATIONS_TAG, description = OpenApiConfiguration.OPERATIONS_TAG_DESCRIPTION)
class AdminController {

    static final String REPLAY = "DEAD_LETTER_REPLAY";

    private final AdminActions actions;
    private final DeadLetters deadLetters;

    AdminController(AdminActions actions, DeadLetters deadLetters) {
        this.actions = actions;
        this.deadLetters = deadLetters;
    }

    /** @param nextCursor pass as {@code cursor} for the next page; absent on the last page */
    record ActionPage(List<AdminAction> actions, Long nextCursor) {
    }

    /** Every admin action asked of this service, newest first: who, in which role and region, when, how it ended. */
    @GetMapping("/actions")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR', 'ADMIN')")
    @Operation(summary = "管理操作记录 — the admin actions asked of this service",
            description = "For supervisors, inspection teams and admins: every admin action asked of this service, "
                    + "newest first: who, in which role and region, when, and how it ended. Pass nextCursor as "
                    + "cursor for the next page.")
    ActionPage adminActions(@RequestParam(required = false) Long cursor,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<AdminAction> found = actions.page(cursor, size + 1);
        List<AdminAction> page = found.stream().limit(size).toList();
        return new ActionPage(page, found.size() > size ? page.get(page.size() - 1).id() : null);
    }

    /** The events this service's consumers parked and that were not replayed yet, oldest first, without their data. */
    @GetMapping("/dead-letters")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "死信 — events this service's consumers parked",
            description = "An ADMIN of national scope (region 00) only; others are refused (403) and the refusal is "
                    + "recorded. The events not yet replayed, oldest first, without their data.")
    List<DeadLetters.Parked> deadLetters(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        actions.requireNationalAdmin("DEAD_LETTER_LIST");
        return deadLetters.parked(limit);
    }

    /**
     * Hands the parked events back to the consumers that parked them, in order, once the cause is fixed; each
     * consumer applies an event at most once, so a replay repeated changes nothing. Stops at the first that fails
     * again, which stays parked.
     */
    @PostMapping("/dead-letters/replay")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.OK)
    @Operation(summary = "死信重放 — hand parked events back to their consumers",
            description = "An ADMIN of national scope only, once the cause is fixed: the events go back to the "
                    + "consumers that parked them, in order; each is applied at most once, so a repeated replay "
                    + "changes nothing. Stops at the first event that fails again, which stays parked. Recorded "
                    + "with the admin actions.")
    DeadLetters.Replay replay(@RequestParam(defaultValue = "1000") @Min(1) @Max(10000) int limit) {
        actions.requireNationalAdmin(REPLAY);
        actions.record(REPLAY, AdminActions.ACCEPTED);
        DeadLetters.Replay replay = deadLetters.replay(limit);
        actions.record(REPLAY, replay.failure() == null ? AdminActions.DONE : AdminActions.FAILED);
        return replay;
    }
}
