package org.fangpin.timeline.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.contracts.trust.ActingClaims;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.admin.AdminActions;
import org.fangpin.platform.web.RuleViolation;
import org.fangpin.timeline.process.TimelineRebuild;

/**
 * The timeline's operator command. A rebuild drops and records again the timeline of every household in the country,
 * so only an ADMIN of national scope (region {@code 00}) may ask for it; every request, allowed or refused, is
 * recorded where supervisors and inspection teams read it ({@code GET /api/admin/timeline/actions}, platform).
 */
@RestController
class AdminController {

    static final String REBUILD = "TIMELINE_REBUILD";
    static final String NATIONAL_ADMIN_REQUIRED = "NATIONAL_ADMIN_REQUIRED";

    private final TimelineRebuild rebuild;
    private final AdminActions actions;

    AdminController(TimelineRebuild rebuild, AdminActions actions) {
        this.rebuild = rebuild;
        this.actions = actions;
    }

    record Started(String message) {
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
        actions.record(REBUILD, AdminActions.ACCEPTED);
        try {
            rebuild.start();
        } catch (RuntimeException failed) {
            actions.record(REBUILD, AdminActions.FAILED);
            throw failed;
        }
        return new Started("时间线及其派生视图已清空，正在从消息主题重新记录。");
    }
}
