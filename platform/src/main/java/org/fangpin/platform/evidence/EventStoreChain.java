package org.fangpin.platform.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's event store as a hash chain per aggregate (ADR 0028): the database links every appended event to the
 * previous one of its aggregate ({@code chainhash}); this class recomputes every link outside the database, from the
 * stored bytes, and names the events whose stored link does not match them.
 * <p>
 * A link is checked against the stored link of the event before it, so an altered event is named itself and the
 * events after it are not (their links still match their own content and the stored link before them). An event
 * removed from the middle of an aggregate is named by the sequence number missing; the last events of an aggregate
 * removed with their links leave no trace in the database, which is what the published digests of the chain heads
 * are for.
 */
public class EventStoreChain {

    static final byte[] VERSION_TAG = "fangpin-event-chain-1".getBytes(StandardCharsets.UTF_8);
    static final byte[] GENESIS = new byte[32];
    /** Rows read from the database at a time while the whole store is verified. */
    private static final int FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public EventStoreChain(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    /** Why an event's link does not hold. */
    public enum Fault {
        /** The event's content (any stored field) or its stored link was changed after it was appended. */
        ALTERED,
        /** The event with this sequence number is missing: the next stored event has a higher one. */
        MISSING
    }

    /**
     * An event whose link does not hold.
     *
     * @param eventId     the stored event's id; for a {@link Fault#MISSING} event, the id of the event after the gap
     * @param globalIndex the stored event's position in the store (as above for a missing event)
     */
    public record BrokenEvent(String aggregateId, long sequenceNumber, String eventId, long globalIndex,
                              Fault fault) {
    }

    /**
     * The outcome of a verification.
     *
     * @param firstBroken the first broken event of the store (by aggregate id, then sequence number); null if intact
     * @param broken      the first broken event of each aggregate whose chain is broken, at most the limit asked for
     */
    public record Verification(boolean intact, long aggregates, long events, BrokenEvent firstBroken,
                               List<BrokenEvent> broken) {
    }

    /** One link of an aggregate's chain as stored, and whether it holds. */
    public record Link(long sequenceNumber, String eventId, String payloadType, String hash, boolean intact) {
    }

    /** Recomputes every link of every aggregate, in one read-only pass over the store. */
    public Verification verifyAll(int brokenLimit) {
        Walk walk = new Walk(brokenLimit);
        readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT globalindex, aggregateidentifier, sequencenumber, type, eventidentifier, payloadtype,
                           payloadrevision, payload, metadata, timestamp, chainhash
                    FROM domainevententry ORDER BY aggregateidentifier, sequencenumber""");
            statement.setFetchSize(FETCH_SIZE);
            return statement;
        }, (RowCallbackHandler) rs -> walk.next(StoredEvent.of(rs))));
        return walk.result();
    }

    /** One aggregate's chain: its verification and its links. */
    public record AggregateChain(Verification verification, List<Link> links) {
    }

    /** Recomputes the links of one aggregate (for households: the household id). */
    public AggregateChain aggregate(String aggregateId) {
        List<Link> links = new ArrayList<>();
        Walk walk = new Walk(Integer.MAX_VALUE);
        jdbc.query("""
                        SELECT globalindex, aggregateidentifier, sequencenumber, type, eventidentifier, payloadtype,
                               payloadrevision, payload, metadata, timestamp, chainhash
                        FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber""",
                (RowCallbackHandler) rs -> {
                    StoredEvent event = StoredEvent.of(rs);
                    boolean intact = walk.next(event);
                    links.add(new Link(event.sequenceNumber(), event.eventId(), event.payloadType(),
                            HexFormat.of().formatHex(event.chainHash()), intact));
                }, aggregateId);
        return new AggregateChain(walk.result(), links);
    }

    /** The stored link of one event, as the publisher hands it on with the event; empty if it is not stored. */
    public Optional<byte[]> storedLink(String eventId) {
        return jdbc.query("SELECT chainhash FROM domainevententry WHERE eventidentifier = ?",
                rs -> rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty(), eventId);
    }

    /** Walks the store in aggregate and sequence order, checking each event against the one before it. */
    private static final class Walk {

        private final int brokenLimit;
        private final List<BrokenEvent> broken = new ArrayList<>();
        private String aggregate;
        private long sequence;
        private byte[] previousLink;
        private boolean aggregateBroken;
        private long aggregates;
        private long events;
        private BrokenEvent firstBroken;

        Walk(int brokenLimit) {
            this.brokenLimit = brokenLimit;
        }

        /** @return whether this event's link holds */
        boolean next(StoredEvent event) {
            events++;
            if (!event.aggregateId().equals(aggregate)) {
                aggregates++;
                aggregate = event.aggregateId();
                aggregateBroken = false;
                sequence = -1;
                previousLink = null;
            }
            boolean intact = true;
            if (event.sequenceNumber() != sequence + 1) {
                broken(new BrokenEvent(aggregate, sequence + 1, event.eventId(), event.globalIndex(), Fault.MISSING));
                previousLink = null; // as the migration chained a gap left before the chain existed
                intact = false;
            }
            byte[] expected = link(previousLink, event);
            if (!Arrays.equals(expected, event.chainHash())) {
                broken(new BrokenEvent(aggregate, event.sequenceNumber(), event.eventId(), event.globalIndex(),
                        Fault.ALTERED));
                intact = false;
            }
            sequence = event.sequenceNumber();
            previousLink = event.chainHash();
            return intact;
        }

        private void broken(BrokenEvent event) {
            if (firstBroken == null) {
                firstBroken = event;
            }
            if (!aggregateBroken && broken.size() < brokenLimit) {
                broken.add(event);
            }
            aggregateBroken = true;
        }

        Verification result() {
            return new Verification(firstBroken == null, aggregates, events, firstBroken, List.copyOf(broken));
        }
    }

    /** An event as stored, every field that its link covers. */
    record StoredEvent(long globalIndex, String aggregateId, long sequenceNumber, String aggregateType, String eventId,
                       String payloadType, String payloadRevision, byte[] payload, byte[] metadata, String timestamp,
                       byte[] chainHash) {

        static StoredEvent of(ResultSet rs) throws SQLException {
            return new StoredEvent(rs.getLong("globalindex"), rs.getString("aggregateidentifier"),
                    rs.getLong("sequencenumber"), rs.getString("type"), rs.getString("eventidentifier"),
                    rs.getString("payloadtype"), rs.getString("payloadrevision"), rs.getBytes("payload"),
                    rs.getBytes("metadata"), rs.getString("timestamp"), rs.getBytes("chainhash"));
        }
    }

    /** The canonical form of ADR 0028, as the database's {@code event_chain_link} computes it. */
    static byte[] link(byte[] previous, StoredEvent event) {
        MessageDigest sha256 = sha256();
        sha256.update(VERSION_TAG);
        sha256.update(previous == null ? GENESIS : previous);
        field(sha256, text(event.aggregateId()));
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(event.sequenceNumber()).array());
        field(sha256, text(event.aggregateType()));
        field(sha256, text(event.eventId()));
        field(sha256, text(event.payloadType()));
        field(sha256, text(event.payloadRevision()));
        field(sha256, event.payload());
        field(sha256, event.metadata());
        field(sha256, text(event.timestamp()));
        return sha256.digest();
    }

    private static void field(MessageDigest sha256, byte[] value) {
        sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            sha256.update(value);
        }
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
