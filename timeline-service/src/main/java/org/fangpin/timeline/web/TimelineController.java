package org.fangpin.timeline.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.platform.web.RuleViolation;
import org.fangpin.timeline.query.HouseholdRecord;
import org.fangpin.timeline.query.HouseholdStatus;
import org.fangpin.timeline.query.HouseholdStatusProjection;
import org.fangpin.timeline.query.Provenance;
import org.fangpin.timeline.query.SourceChains;
import org.fangpin.timeline.query.StoredEvents;
import org.fangpin.timeline.query.TimelineQueries;
import org.fangpin.timeline.query.TimelineQueries.ChainHead;
import org.fangpin.timeline.query.TimelineQueries.ChainLink;
import org.fangpin.timeline.query.TimelineQueries.StoredEntry;
import org.fangpin.timeline.query.TimelineQueries.TimelineEntry;
import org.fangpin.timeline.web.RenderedTimelines.Rendering;

/** A household's full timeline across all services, its current status, its state on a past day and its proof. */
@RestController
@RequestMapping("/api/households/{householdId}")
@PreAuthorize(Jurisdiction.HOUSEHOLD_READERS)
@Tag(name = "农户档案", description = "A household's timeline across all services, its state on a past day "
        + "and the proof of its history")
class TimelineController {

    private static final String KIND = "identification|monitoring|assistance|fangpin\\.[a-z]+\\.[A-Za-z]+\\.v\\d+";

    private final TimelineQueries queries;
    private final HouseholdStatusProjection statuses;
    private final StoredEvents stored;
    private final RenderedTimelines rendered;
    private final ObjectMapper json;
    private final SourceChains sourceChains;

    TimelineController(TimelineQueries queries, HouseholdStatusProjection statuses, StoredEvents stored,
                       RenderedTimelines rendered, ObjectMapper json, SourceChains sourceChains) {
        this.sourceChains = sourceChains;
        this.queries = queries;
        this.statuses = statuses;
        this.stored = stored;
        this.rendered = rendered;
        this.json = json;
    }

    record Actor(String id, String name, String role, String region) {
    }

    /**
     * @param occurredAt     when the step was recorded (county time)
     * @param happenedOn     the day it happened (its business date; the recording day for a step that carries none)
     * @param dates          both, where they differ: 发生于 2024-03-20，录入于 2024-12-07; absent where they do not
     * @param backdatingNote why a step dated beyond the policy's allowance was recorded only later (补录说明)
     * @param imported       the file and line an imported step came from; absent for a step recorded live
     */
    record Entry(int sequence, String eventId, String type, String kind, OffsetDateTime occurredAt,
                 LocalDate happenedOn, String dates, String backdatingNote, Imported imported, Actor actor,
                 String correlationId, String summary) {
    }

    /** @param text 存量导入：file 第 n 行 */
    record Imported(String file, Integer row, String text) {

        static Imported of(Provenance provenance) {
            return provenance == null ? null : new Imported(provenance.file(), provenance.row(), provenance.text());
        }
    }

    record Named(String code, String name) {
    }

    /** 未纳入监测 / 识别中 / 风险未消除 (with the most urgent open warning and flags) / 风险已消除. */
    record Status(Named status, Named warningLevel, List<Named> flags) {

        static Status of(HouseholdRecord record) {
            HouseholdStatus status = record.status();
            return new Status(new Named(status.name(), status.chineseName()),
                    record.warningLevel().map(level -> new Named(level.name(), level.chineseName())).orElse(null),
                    record.flags().stream().sorted(Comparator.naturalOrder())
                            .map(flag -> new Named(flag.name(), flag.chineseName())).toList());
        }
    }

    record Timeline(String householdId, String regionCode, Status status, List<Entry> entries) {
    }

    /**
     * @param kind {@code identification}, {@code monitoring}, {@code assistance} or one event type, e.g.
     *             {@code fangpin.monitoring.WarningRaised.v1}
     */
    @GetMapping("/timeline")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Timeline.class)))
    @Operation(summary = "户时间线 — every step of a household across all services",
            description = "Any reader within the household's region: the household's status and every step of "
                    + "identification, monitoring and assistance, with who took it, the day it happened and "
                    + "when it was recorded (补录 marked), optionally only one kind of step.")
    ResponseEntity<byte[]> timeline(@PathVariable String householdId,
                                    @RequestParam(required = false) @Pattern(regexp = KIND) String kind,
                                    @Parameter(hidden = true)
                                    @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false)
                                    String acceptEncoding) {
        ChainHead head = requireReadable(householdId);
        Rendering rendering = rendered.timeline(householdId, kind, head.hash(), () -> {
            List<Entry> entries = queries.timeline(householdId, kind).stream().map(TimelineController::entry)
                    .toList();
            Status status = statuses.current(householdId).map(Status::of).orElse(null);
            return render(new Timeline(householdId, head.regionCode(), status, entries));
        });
        // With the ETag, Spring answers a matching If-None-Match with 304 and no body.
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .eTag(Rendering.etag(head.hash(), kind)).varyBy(HttpHeaders.ACCEPT_ENCODING);
        return acceptsGzip(acceptEncoding)
                ? ok.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(rendering.gzip())
                : ok.body(rendering.json());
    }

    /**
     * Whether an Accept-Encoding header (RFC 9110 12.5.3) accepts gzip: named with a q above 0, or else {@code *}
     * with a q above 0.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Double gzip = null;
        Double any = null;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim();
            if (name.equalsIgnoreCase("gzip") || name.equalsIgnoreCase("x-gzip")) {
                gzip = quality(parts);
            } else if (name.equals("*")) {
                any = quality(parts);
            }
        }
        Double accepted = gzip != null ? gzip : any;
        return accepted != null && accepted > 0;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** @param sequence the entry's place in its source's chain in the timeline */
    record BrokenLink(long position, String eventId, String source, int sequence, boolean contentIntact,
                      boolean linked, boolean inSequence) {
    }

    /**
     * An entry's event as its source service stored it: compare with the source's own chain
     * ({@code GET /api/admin/<service>/evidence/verify?aggregate=}); a difference where both chains verify means
     * one of them was rewritten with recomputed links.
     */
    record SourceLinkKept(String eventId, String source, int sequence, String sourceAggregate, Long sourceSequence,
                          String sourceHash) {
    }

    /**
     * @param intact  whether the timeline's own chains verify
     * @param sources per source service, whether its own chain of the household agrees with the links the timeline
     *                kept, and if not which side was altered
     */
    record Verification(String householdId, boolean intact, int entries, List<BrokenLink> broken,
                        List<SourceChains.Comparison> sources, List<SourceLinkKept> sourceLinks) {
    }

    /**
     * Recomputes the household's hash chains (one per source service): intact, or which entries (event id, position)
     * were altered; then compares each with the source service's own chain of the household, read on the caller's
     * behalf (an ADMIN or INSPECTOR of national scope; for others the sources are {@code UNCHECKED}).
     */
    @GetMapping("/timeline/verify")
    @Operation(summary = "档案核验 — whether the household's history is unaltered",
            description = "Any reader within the household's region: recomputes the timeline's hash chains of the "
                    + "household and names altered entries; for an ADMIN or INSPECTOR of national scope also "
                    + "compares them with each source service's own chain (for others the sources are "
                    + "UNCHECKED).")
    Verification verify(@PathVariable String householdId,
                        @Parameter(hidden = true) @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        requireReadable(householdId);
        List<ChainLink> chain = queries.chain(householdId);
        List<BrokenLink> broken = chain.stream().filter(link -> !link.intact())
                .map(link -> new BrokenLink(link.position(), link.eventId(), link.source(), link.chainIndex(),
                        link.contentIntact(), link.linked(), link.inSequence()))
                .toList();
        List<SourceLinkKept> sourceLinks = chain.stream()
                .map(link -> new SourceLinkKept(link.eventId(), link.source(), link.chainIndex(),
                        link.sourceAggregate(), link.sourceSequence(), link.sourceHash()))
                .toList();
        return new Verification(householdId, broken.isEmpty(), chain.size(), broken,
                sourceChains.compare(householdId, chain, authorization), sourceLinks);
    }

    /**
     * @param data   the event's fields as its contract names them
     * @param masked the personal fields (contracts' {@code @PersonalData}) masked or left empty for this reader
     */
    record EventData(String eventId, String type, OffsetDateTime occurredAt, LocalDate happenedOn, String summary,
                     JsonNode data, List<String> masked) {
    }

    /** One step's own data, as its source service published it, personal data masked for the roles that need none. */
    @GetMapping("/timeline/{eventId}")
    @Operation(summary = "事件数据 — the data of one step of the household",
            description = "Any reader within the household's region: the event's fields as published; the fields "
                    + "that identify a person or tell of their health are shown in full to the roles that verify "
                    + "and decide (village, township, county) and masked for the others (listed in masked). "
                    + "404 EVENT_NOT_FOUND when the household has no such event.")
    EventData event(@PathVariable String householdId, @PathVariable String eventId) {
        requireReadable(householdId);
        StoredEntry entry = queries.entry(householdId, eventId)
                .orElseThrow(() -> RuleViolation.notFound("EVENT_NOT_FOUND", eventId, householdId));
        PersonalFields.Shown shown = PersonalFields.shown(entry.eventType(), readObject(entry.data()));
        OffsetDateTime recorded = entry.occurredAt().atZoneSameInstant(StoredEvents.COUNTY_TIME).toOffsetDateTime();
        return new EventData(entry.eventId(), entry.eventType(), recorded, BusinessDay.of(entry.happenedOn(), recorded),
                entry.summary(), shown.data(), shown.masked());
    }

    record State(String householdId, LocalDate asOf, String regionCode, Status status, String headName,
                 String headIdNumber, Named category, int memberCount, Named objectType, List<Named> riskTypes,
                 Named labourCapacity, BigDecimal incomeAtIdentification, BigDecimal monitoringLine,
                 BigDecimal latestIncome, YearMonth latestIncomeMonth, int monthsAboveMonitoringLine,
                 List<Named> guaranteeGaps, int openWarnings, int measures, long measuresCarriedOut,
                 int openOverdueItems, boolean eliminationPending, boolean rollbackPending, LocalDate registeredOn,
                 LocalDate identifiedOn, LocalDate monitoredSince, LocalDate eliminatedOn, LocalDate rolledBackOn,
                 int eliminations, int rollbacks, int reidentifications) {
    }

    /**
     * The record as it stood at the end of {@code asOf} (county time): what had happened by that day by the steps'
     * business dates, including steps recorded later, replayed from the stored events.
     */
    @GetMapping("/state")
    @Operation(summary = "历史状态 — the household as it stood on a past day",
            description = "Any reader within the household's region: the record at the end of asOf (county time) by "
                    + "the steps' business dates, steps recorded later included (404 STATE_NOT_YET_RECORDED "
                    + "before the household's first step).")
    State state(@PathVariable String householdId,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        requireReadable(householdId);
        HouseholdRecord record = stored.replay(householdId, asOf)
                .orElseThrow(() -> RuleViolation.notFound("STATE_NOT_YET_RECORDED", householdId, asOf));
        return new State(householdId, asOf, record.regionCode(), Status.of(record), record.headName(),
                Jurisdiction.idNumber(record.headIdNumber()),
                record.category() == null ? null : new Named(record.category().name(), record.category().chineseName()),
                record.memberCount(),
                record.objectType() == null ? null
                        : new Named(record.objectType().name(), record.objectType().chineseName()),
                record.riskTypes().stream().map(TimelineController::risk).toList(),
                record.labourCapacity() == null ? null
                        : new Named(record.labourCapacity().name(), record.labourCapacity().chineseName()),
                record.incomeAtIdentification(), record.monitoringLine(), record.latestIncome().orElse(null),
                record.latestMonth().orElse(null), record.monthsAboveMonitoringLine(),
                record.latestGuaranteeGaps().stream().map(TimelineController::guarantee).toList(),
                record.openWarnings(), record.measureCount(), record.measuresCarriedOut(), record.openOverdueItems(),
                record.eliminationPending(), record.rollbackPending(), record.registeredOn(), record.identifiedOn(),
                record.monitoredSince(), record.eliminatedOn(), record.rolledBackOn(), record.eliminations(),
                record.rollbacks(), record.reidentifications());
    }

    private ChainHead requireReadable(String householdId) {
        ChainHead head = queries.head(householdId)
                .orElseThrow(() -> RuleViolation.notFound("TIMELINE_NOT_FOUND", householdId));
        Jurisdiction.requireWithin(head.regionCode());
        return head;
    }

    private ObjectNode readObject(String data) {
        try {
            return (ObjectNode) json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event data cannot be read", e);
        }
    }

    private byte[] render(Timeline timeline) {
        try {
            return json.writeValueAsBytes(timeline);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("timeline of " + timeline.householdId() + " cannot be rendered", e);
        }
    }

    private static Entry entry(TimelineEntry entry) {
        OffsetDateTime recorded = entry.occurredAt().atZoneSameInstant(StoredEvents.COUNTY_TIME).toOffsetDateTime();
        LocalDate happenedOn = BusinessDay.of(entry.happenedOn(), recorded);
        return new Entry(entry.sequence(), entry.eventId(), entry.eventType(), entry.kind(), recorded, happenedOn,
                BusinessDay.bothWhereTheyDiffer(happenedOn, recorded), entry.backdatingNote(),
                Imported.of(entry.provenance()), new Actor(entry.actorId(), entry.actorName(), entry.actorRole(), entry.actorRegion()),
                entry.correlationId(), entry.summary());
    }

    private static Named risk(RiskType risk) {
        return new Named(risk.name(), risk.chineseName());
    }

    private static Named guarantee(Guarantee guarantee) {
        return new Named(guarantee.name(), guarantee.chineseName());
    }
}
