package org.fangpin.timeline.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.timeline.process.TimelineRebuild;

/** The operator's one command to drop the timeline's projections and record them again from the topics. */
@RestController
class RebuildController {

    private final TimelineRebuild rebuild;

    RebuildController(TimelineRebuild rebuild) {
        this.rebuild = rebuild;
    }

    record Started(String message) {
    }

    @PostMapping("/api/admin/timeline/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Started rebuild() {
        rebuild.start();
        return new Started("时间线及其派生视图已清空，正在从消息主题重新记录。");
    }
}
