package org.fangpin.platform.admin;

import java.util.List;

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

import org.fangpin.contracts.trust.ActingClaims;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.admin.AdminActions.AdminAction;
import org.fangpin.platform.web.RuleViolation;

/**
 * Every service's operator commands and their record, under {@code /api/admin/<service>/}: the admin actions asked
 * of it (read by supervisors and inspection teams), the events its consumers parked on dead-letter topics, and
 * their replay. Dead letters concern households of every region, so only an ADMIN of national scope (region
 * {@code 00}) lists or replays them; every request, allowed or refused, is recorded.
 */
@RestController
@RequestMapping("/api/admin/${fangpin.service}")
@Validated
class AdminController {

    static final String NATIONAL_ADMIN_REQUIRED = "NATIONAL_ADMIN_REQUIRED";
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
    ActionPage adminActions(@RequestParam(required = false) Long cursor,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<AdminAction> found = actions.page(cursor, size + 1);
        List<AdminAction> page = found.stream().limit(size).toList();
        return new ActionPage(page, found.size() > size ? page.get(page.size() - 1).id() : null);
    }

    /** The events this service's consumers parked and that were not replayed yet, oldest first, without their data. */
    @GetMapping("/dead-letters")
    @PreAuthorize("hasRole('ADMIN')")
    List<DeadLetters.Parked> deadLetters(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        requireNationalAdmin("DEAD_LETTER_LIST");
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
    DeadLetters.Replay replay(@RequestParam(defaultValue = "1000") @Min(1) @Max(10000) int limit) {
        requireNationalAdmin(REPLAY);
        actions.record(REPLAY, AdminActions.ACCEPTED);
        DeadLetters.Replay replay = deadLetters.replay(limit);
        actions.record(REPLAY, replay.failure() == null ? AdminActions.DONE : AdminActions.FAILED);
        return replay;
    }

    /** Refuses, and records the refusal, unless the caller is an ADMIN of national scope. */
    private void requireNationalAdmin(String action) {
        Actor admin = RequestContext.requireActor();
        if (!ActingClaims.NATIONAL.equals(admin.region())) {
            actions.record(action, NATIONAL_ADMIN_REQUIRED);
            throw RuleViolation.forbidden(NATIONAL_ADMIN_REQUIRED, admin.region());
        }
    }
}
