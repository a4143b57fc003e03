package org.fangpin.timeline.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.contracts.trust.ActingClaims;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.web.RuleViolation;
import org.fangpin.timeline.process.TimelineRebuild;
import org.fangpin.timeline.web.AdminActionLog.AdminAction;

/**
 * The operator's commands and their record. A rebuild drops and records again the timeline of every household in
 * the country, so only an ADMIN of national scope (region {@code 00}) may ask for it; every request, allowed or
 * refused, is recorded where supervisors and inspection teams read it.
 */
@RestController
class AdminController {

    static final String REBUILD = "TIMELINE_REBUILD";
    static final String NATIONAL_ADMIN_REQUIRED = "NATIONAL_ADMIN_REQUIRED";

    private final TimelineRebuild rebuild;
    private final AdminActionLog actions;

    AdminController(TimelineRebuild rebuild, AdminActionLog actions) {
        this.rebuild = rebuild;
        this.actions = actions;
    }

    record Started(String message) {
    }

    /** @param nextCursor pass as {@code cursor} for the next page; absent on the last page */
    record ActionPage(List<AdminAction> actions, Long nextCursor) {
    }

    @PostMapping("/api/admin/timeline/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Started rebuild() {
        Actor admin = RequestContext.requireActor();
        if (!ActingClaims.NATIONAL.equals(admin.region())) {
            actions.record(REBUILD, NATIONAL_ADMIN_REQUIRED);
            throw RuleViolation.forbidden(NATIONAL_ADMIN_REQUIRED, admin.region());
        }
        actions.record(REBUILD, "ACCEPTED");
        try {
            rebuild.start();
        } catch (RuntimeException failed) {
            actions.record(REBUILD, "FAILED");
            throw failed;
        }
        return new Started("时间线及其派生视图已清空，正在从消息主题重新记录。");
    }

    /** Every admin action asked of this service, newest first: who, in which role and region, when, how it ended. */
    @GetMapping("/api/admin/actions")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR', 'ADMIN')")
    ActionPage adminActions(@RequestParam(required = false) Long cursor,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<AdminAction> found = actions.page(cursor, size + 1);
        List<AdminAction> page = found.stream().limit(size).toList();
        return new ActionPage(page, found.size() > size ? page.get(page.size() - 1).id() : null);
    }
}
