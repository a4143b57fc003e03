package org.fangpin.timeline.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.contracts.value.RegionCode;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.timeline.query.EventLogQueries;
import org.fangpin.timeline.query.EventLogQueries.EventLogFilter;
import org.fangpin.timeline.query.EventLogQueries.LoggedEvent;
import org.fangpin.timeline.query.StoredEvents;

/** The county event log for supervisors and inspection teams: every step of every household, by whom and when. */
@RestController
@PreAuthorize(Jurisdiction.HOUSEHOLD_READERS)
@Tag(name = "事件日志", description = "The county event log for supervisors and inspection teams")
class EventLogController {

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** 时间 is when a step was recorded; the columns after 事件编号 were added later, so earlier ones keep their place. */
    private static final String CSV_HEADER =
            "序号,时间,事件类型,区划代码,对象编号,操作人编号,操作人,角色,摘要,关联编号,事件编号,发生日期,补录说明,存量导入";

    private final EventLogQueries queries;

    EventLogController(EventLogQueries queries) {
        this.queries = queries;
    }

    /**
     * @param occurredAt     when the step was recorded (county time)
     * @param happenedOn     the day it happened (its business date; the recording day for a step that carries none)
     * @param dates          both, where they differ: 发生于 2024-03-20，录入于 2024-12-07; absent where they do not
     * @param backdatingNote why a step dated beyond the policy's allowance was recorded only later (补录说明)
     * @param imported       存量导入：file 第 n 行 for an imported step; absent for a step recorded live
     */
    record LogEntry(long position, String eventId, String subject, String regionCode, String type,
                    OffsetDateTime occurredAt, LocalDate happenedOn, String dates, String backdatingNote,
                    String imported, String actorId, String actorName, String actorRole, String correlationId,
                    String summary) {
    }

    /** @param nextCursor pass as {@code cursor} for the next page; absent on the last page */
    record Page(List<LogEntry> entries, Long nextCursor) {
    }

    @GetMapping("/api/events")
    @Operation(summary = "事件日志 — every step of every household, by whom and when",
            description = "Any reader, within their region (region defaults to the caller's own), filtered by event "
                    + "type, actor, role and recording days, a page at a time: pass nextCursor as cursor for "
                    + "the next page.")
    Page events(@RequestParam(required = false) @Pattern(regexp = RegionCode.PREFIX) String region,
                @RequestParam(required = false) String type,
                @RequestParam(required = false) String actor,
                @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,40}") String role,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Long cursor,
                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        EventLogFilter filter = new EventLogFilter(Jurisdiction.regionAsked(region), type, actor, role, from, to);
        List<LoggedEvent> found = queries.page(filter, cursor, size + 1);
        List<LogEntry> entries = found.stream().limit(size).map(EventLogController::entry).toList();
        Long next = found.size() > size ? entries.get(entries.size() - 1).position() : null;
        return new Page(entries, next);
    }

    /** The same log as CSV, streamed row by row; UTF-8 with a byte-order mark so that Excel shows the Chinese. */
    @GetMapping("/api/events.csv")
    @Operation(summary = "事件日志导出 — the same log as a CSV file",
            description = "Any reader, within their region (region defaults to the caller's own), with the same "
                    + "filters as the log: the log streamed as CSV in UTF-8 with a byte-order mark, so that "
                    + "Excel shows the Chinese.")
    @ApiResponse(responseCode = "200", description = "The log as CSV (events.csv)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    void csv(@RequestParam(required = false) @Pattern(regexp = RegionCode.PREFIX) String region,
             @RequestParam(required = false) String type,
             @RequestParam(required = false) String actor,
             @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,40}") String role,
             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
             HttpServletResponse response) throws IOException {
        EventLogFilter filter = new EventLogFilter(Jurisdiction.regionAsked(region), type, actor, role, from, to);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"events.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        out.write(CSV_HEADER + "\r\n");
        queries.export(filter, event -> {
            try {
                out.write(row(event));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    /** 发生日期 is left empty where the step happened on the day it was recorded. */
    private static String row(LoggedEvent e) {
        OffsetDateTime recorded = e.occurredAt().atZoneSameInstant(StoredEvents.COUNTY_TIME).toOffsetDateTime();
        LocalDate happenedOn = BusinessDay.of(e.happenedOn(), recorded);
        return Stream.of(String.valueOf(e.position()), recorded.format(CSV_TIME), e.type(),
                        e.regionCode(), e.subject(), e.actorId(), e.actorName(), e.actorRole(), e.summary(),
                        e.correlationId(), e.eventId(),
                        BusinessDay.bothWhereTheyDiffer(happenedOn, recorded) == null ? "" : happenedOn.toString(),
                        e.backdatingNote(), e.provenance() == null ? null : e.provenance().text())
                .map(CsvCells::cell)
                .collect(Collectors.joining(",", "", "\r\n"));
    }

    private static LogEntry entry(LoggedEvent e) {
        OffsetDateTime recorded = e.occurredAt().atZoneSameInstant(StoredEvents.COUNTY_TIME).toOffsetDateTime();
        LocalDate happenedOn = BusinessDay.of(e.happenedOn(), recorded);
        return new LogEntry(e.position(), e.eventId(), e.subject(), e.regionCode(), e.type(), recorded, happenedOn,
                BusinessDay.bothWhereTheyDiffer(happenedOn, recorded), e.backdatingNote(),
                e.provenance() == null ? null : e.provenance().text(), e.actorId(), e.actorName(), e.actorRole(),
                e.correlationId(), e.summary());
    }
}
