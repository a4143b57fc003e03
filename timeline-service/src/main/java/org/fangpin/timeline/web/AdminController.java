package org.fangpin.timeline.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.platform.admin.AdminActions;
import org.fangpin.platform.openapi.OpenApiConfiguration;
import org.fangpin.platform.web.RuleViolation;
import org.fangpin.timeline.process.TimelineRebuild;

/**
 * The timeline's operator command. A rebuild records again the timeline of every household in the country (beside
 * the one readers read, ADR 0039), so only an ADMIN of national scope (region {@code 00}) may ask for it; every
 * request, allowed or refused, is recorded where supervisors and inspection teams read it
 * ({@code GET /api/admin/timeline/actions}, platform), and so is the switch that ends it ({@code DONE}).
 */
@RestController
@Tag(name = OpenApiConfiguration.OPERATIONS_TAG, description = OpenApiConfiguration.OPERATIONS_TAG_DESCRIPTION)
class AdminController {

    private final TimelineRebuild rebuild;
    private final AdminActions actions;

    AdminController(TimelineRebuild rebuild, AdminActions actions) {
        this.rebuild = rebuild;
        this.actions = actions;
    }

    record Started(int version, String message) {
    }

    @PostMapping("/api/admin/timeline/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "重建档案 — rebuild every household's timeline",
            description = "An ADMIN of national scope only (others are refused, 403, and the refusal is recorded): "
                    + "records again the timeline of every household beside the one readers read, and switches "
                    + "to it once caught up (202). The request and the switch are recorded with the admin "
                    + "actions.")
    Started rebuild() {
        actions.requireNationalAdmin(TimelineRebuild.REBUILD);
        try {
            rebuild.requireNoneInProgress();
        } catch (RuleViolation refused) {
            actions.record(TimelineRebuild.REBUILD, TimelineRebuild.IN_PROGRESS);
            throw refused;
        }
        actions.record(TimelineRebuild.REBUILD, AdminActions.ACCEPTED);
        int version;
        try {
            version = rebuild.start();
        } catch (RuntimeException failed) {
            actions.record(TimelineRebuild.REBUILD, AdminActions.FAILED);
            throw failed;
        }
        return new Started(version, "正在从消息主题记录时间线第" + version
                + "版；记录完成前，查询仍读取现行版本，完成后一次切换。");
    }
}
