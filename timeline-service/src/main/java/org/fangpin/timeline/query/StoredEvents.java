package org.fangpin.timeline.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.EventCatalog;
import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.envelope.EnvelopeCodec;

/** Reads a household's recorded events back as event records, to replay them into a {@link HouseholdRecord}. */
@Component
public class StoredEvents {

    /** The county's days: "as of a date" ends at midnight in Asia/Shanghai. */
    public static final ZoneId COUNTY_TIME = ZoneId.of("Asia/Shanghai");

    private static final int FETCH_SIZE = 2_000;
    private static final int HOUSEHOLDS_PER_BATCH = 500;
    private static final int BATCHES_AHEAD = 4;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    StoredEvents(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
    }

    /**
     * The record as it stood at the end of {@code asOf} (county time): what had happened by that day, by the business
     * dates of its steps (ADR 0036), including steps recorded later, applied in the order they were recorded (ADR
     * 0029). A step whose event carries no business date happened when it was recorded, or no later than the earliest
     * dated step recorded after it in its service's chain of the household (an imported household's registration
     * precedes its identification on the day it was identified). Empty when nothing had happened by then.
     */
    public Optional<HouseholdRecord> replay(String householdId, LocalDate asOf) {
        List<StoredEntry> entries = jdbc.sql("""
                        SELECT household_id, event_type, occurred_at, data::text AS data, business_day
                        FROM (SELECT household_id, event_type, occurred_at, source, chain_index, data,
                                     coalesce(happened_on, least(CAST(timezone('Asia/Shanghai', occurred_at) AS DATE),
                                             min(happened_on) OVER (PARTITION BY source ORDER BY chain_index DESC
                                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)))
                                         AS business_day
                              FROM timeline_entry WHERE household_id = :id) dated
                        WHERE business_day <= :asOf
                        ORDER BY occurred_at, source, chain_index""")
                .param("id", householdId)
                .param("asOf", asOf)
                .query((rs, row) -> new StoredEntry(rs.getString("household_id"), rs.getString("event_type"),
                        rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("data"),
                        rs.getObject("business_day", LocalDate.class)))
                .list();
        return replayed(entries).stream().findFirst().map(Replayed::record);
    }

    /** A household's record as its events make it, and when the last of them occurred. */
    public record Replayed(HouseholdRecord record, OffsetDateTime lastOccurredAt) {
    }

    /**
     * The records as all their recorded events make them, by household; a subject with no household event (a
     * policy, an event of a contract this reader does not know) is left out.
     */
    public Map<String, Replayed> replay(Collection<String> householdIds) {
        if (householdIds.isEmpty()) {
            return Map.of();
        }
        return replayByRecording(householdIds);
    }

    /**
     * Events are applied in order of occurrence (the order the services caused them in, whatever order they arrived
     * in), ties by source service and position in its chain (ADR 0029), never by arrival. Each household's entries are read by the chain's index, one household after
     * the other (the ordered subquery keeps the planner from joining the ids to a scan of the whole table, which it
     * would otherwise choose for a large batch, or for any batch in a plan cached while the table was empty).
     */
    private Map<String, Replayed> replayByRecording(Collection<String> householdIds) {
        List<StoredEntry> entries = jdbc.sql("""
                        SELECT entry.household_id, entry.event_type, entry.occurred_at, entry.data::text AS data
                        FROM unnest(CAST(:ids AS VARCHAR[])) WITH ORDINALITY AS household(id, n)
                        CROSS JOIN LATERAL (SELECT household_id, event_type, occurred_at, source, chain_index, data
                                            FROM timeline_entry WHERE household_id = household.id
                                            ORDER BY occurred_at, source, chain_index) AS entry
                        ORDER BY household.n, entry.occurred_at, entry.source, entry.chain_index""")
                .param("ids", householdIds.stream().distinct().toArray(String[]::new))
                .query((rs, row) -> entry(rs))
                .list();
        return replayed(entries).stream()
                .collect(Collectors.toMap(replayed -> replayed.record().householdId(), replayed -> replayed));
    }

    /**
     * Every household's record as all its recorded events make them, in batches of households, streamed in one pass
     * over the table (read in the order it is stored and sorted, not looked up household by household). The rows
     * are read, and the batches handed to {@code each}, in the caller's transaction, which a cursor needs; the
     * entries are decoded and replayed on {@code replayer} meanwhile, a few batches ahead.
     */
    public void replayAll(Executor replayer, Consumer<List<Replayed>> each) {
        // the one large sort of a rebuild: memory beyond the default 4 MB spares it most of its passes over disk
        streaming.execute("SET LOCAL work_mem = '64MB'");
        Deque<CompletableFuture<List<Replayed>>> replaying = new ArrayDeque<>();
        List<StoredEntry> batch = new ArrayList<>();
        int[] households = {0};
        streaming.query("""
                        SELECT household_id, event_type, occurred_at, data::text AS data FROM timeline_entry
                        ORDER BY household_id, occurred_at, source, chain_index""",
                (ResultSet rs) -> {
                    StoredEntry entry = entry(rs);
                    if (batch.isEmpty() || !batch.get(batch.size() - 1).household().equals(entry.household())) {
                        if (++households[0] > HOUSEHOLDS_PER_BATCH) {
                            List<StoredEntry> full = List.copyOf(batch);
                            replaying.add(CompletableFuture.supplyAsync(() -> replayed(full), replayer));
                            batch.clear();
                            households[0] = 1;
                            if (replaying.size() > BATCHES_AHEAD) {
                                each.accept(replaying.remove().join());
                            }
                        }
                    }
                    batch.add(entry);
                });
        replaying.add(CompletableFuture.completedFuture(replayed(batch)));
        replaying.forEach(batchReplayed -> each.accept(batchReplayed.join()));
    }

    /** @param day the day the record takes for events that carry no date of their own */
    private record StoredEntry(String household, String type, OffsetDateTime at, String data, LocalDate day) {
    }

    private static StoredEntry entry(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
        return new StoredEntry(rs.getString("household_id"), rs.getString("event_type"), at, rs.getString("data"),
                day(at));
    }

    /** Each household's entries, one household after the other, each in order of occurrence, folded into its record. */
    private static List<Replayed> replayed(List<StoredEntry> entries) {
        List<Replayed> replayed = new ArrayList<>();
        Replayed current = null;
        for (StoredEntry entry : entries) {
            Optional<HouseholdEvent> event = decode(entry.type(), entry.data());
            if (event.isEmpty()) {
                continue;
            }
            if (current != null && !current.record().householdId().equals(entry.household())) {
                replayed.add(current);
                current = null;
            }
            HouseholdRecord record = current != null ? current.record() : HouseholdRecord.of(entry.household());
            current = new Replayed(record.apply(event.get(), entry.day()), entry.at());
        }
        if (current != null) {
            replayed.add(current);
        }
        return replayed;
    }

    static Optional<HouseholdEvent> decode(String type, String data) {
        return EventCatalog.forType(type)
                .filter(entry -> HouseholdEvent.class.isAssignableFrom(entry.eventClass()))
                .map(entry -> {
                    try {
                        return (HouseholdEvent) EnvelopeCodec.mapper().readValue(data, entry.eventClass());
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("stored " + type + " does not match its contract", e);
                    }
                });
    }

    public static LocalDate day(OffsetDateTime instant) {
        return instant.atZoneSameInstant(COUNTY_TIME).toLocalDate();
    }
}
