package org.fangpin.timeline.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.platform.web.RuleViolation;
import org.fangpin.timeline.query.TimelineQueries;
import org.fangpin.timeline.query.TimelineQueries.TimelineEntry;

/** A household's full timeline across all services. */
@RestController
@RequestMapping("/api/households/{householdId}/timeline")
class TimelineController {

    private static final ZoneId COUNTY_TIME = ZoneId.of("Asia/Shanghai");

    private final TimelineQueries queries;

    TimelineController(TimelineQueries queries) {
        this.queries = queries;
    }

    record Actor(String id, String name, String role, String region) {
    }

    record Entry(String eventId, String type, OffsetDateTime occurredAt, Actor actor, String correlationId,
                 String summary) {
    }

    record Timeline(String householdId, String regionCode, List<Entry> entries) {
    }

    @GetMapping
    Timeline timeline(@PathVariable String householdId) {
        List<TimelineEntry> entries = queries.timeline(householdId);
        if (entries.isEmpty()) {
            throw RuleViolation.notFound("TIMELINE_NOT_FOUND", householdId);
        }
        String regionCode = entries.get(0).regionCode();
        Jurisdiction.requireWithin(regionCode);
        return new Timeline(householdId, regionCode, entries.stream().map(TimelineController::entry).toList());
    }

    private static Entry entry(TimelineEntry entry) {
        return new Entry(entry.eventId(), entry.eventType(),
                entry.occurredAt().atZoneSameInstant(COUNTY_TIME).toOffsetDateTime(),
                new Actor(entry.actorId(), entry.actorName(), entry.actorRole(), entry.actorRegion()),
                entry.correlationId(), entry.summary());
    }
}
