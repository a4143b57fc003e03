package org.fangpin.platform.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import org.fangpin.contracts.Topics;
import org.fangpin.contracts.envelope.EnvelopeCodec;

/**
 * Signed digests of the chain heads leave the database (ADR 0028): every hour, on one replica (a lease), the head
 * (sequence number and link) of every aggregate that changed since the previous digest is published to
 * {@value #TOPIC}, signed with HMAC-SHA256 under a key configured outside the databases. Whoever later rewrites a
 * chain with recomputed links, or removes an aggregate's last events, cannot make the published heads match.
 */
public class ChainDigests {

    public static final String TOPIC = Topics.EVIDENCE;
    public static final String ALGORITHM = "HmacSHA256";
    /** Heads per published record, so that a record stays far below Kafka's message size limit. */
    static final int HEADS_PER_RECORD = 2000;
    private static final Logger log = LoggerFactory.getLogger(ChainDigests.class);
    private static final ObjectMapper JSON = EnvelopeCodec.mapper();

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, byte[]> kafka;
    private final String service;
    private final byte[] key;

    public ChainDigests(JdbcClient jdbc, KafkaTemplate<String, byte[]> kafka, String service, String key) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.service = service;
        this.key = key == null ? new byte[0] : key.getBytes(StandardCharsets.UTF_8);
    }

    /** One aggregate's chain head as of the digest. */
    public record Head(String aggregateId, long sequence, String hash) {
    }

    /**
     * What is signed: the heads of the aggregates whose events have global indexes in
     * {@code (fromGlobalIndex, toGlobalIndex]}, record {@code part} of {@code parts}.
     */
    public record Body(String service, Instant takenAt, long fromGlobalIndex, long toGlobalIndex, int part, int parts,
                       List<Head> heads) {
    }

    /**
     * A published record: the body as the exact JSON text that was signed, and its signature (lowercase hex).
     */
    public record Signed(String body, String algorithm, String signature) {
    }

    @Scheduled(cron = "${fangpin.evidence.digest-cron:0 0 * * * *}")
    @SchedulerLock(name = "evidence-chain-digest", lockAtMostFor = "PT30M")
    public void publishScheduled() {
        if (key.length < 32) {
            log.warn("no chain-head digest published: FANGPIN_EVIDENCE_KEY is not set (at least 32 bytes)");
            return;
        }
        publish();
    }

    /** Publishes the digest of the heads changed since the previous one; returns how many heads it covered. */
    public int publish() {
        long from = jdbc.sql("SELECT coalesce(max(to_global_index), 0) FROM evidence_digest").query(Long.class)
                .single();
        long to = jdbc.sql("SELECT coalesce(max(globalindex), 0) FROM domainevententry").query(Long.class).single();
        if (to <= from) {
            return 0;
        }
        List<Head> heads = jdbc.sql("""
                        SELECT DISTINCT ON (aggregateidentifier) aggregateidentifier, sequencenumber,
                               encode(chainhash, 'hex') AS hash
                        FROM domainevententry WHERE globalindex > :from AND globalindex <= :to
                        ORDER BY aggregateidentifier, sequencenumber DESC""")
                .param("from", from).param("to", to)
                .query((rs, row) -> new Head(rs.getString(1), rs.getLong(2), rs.getString(3)))
                .list();
        Instant takenAt = Instant.now();
        int parts = Math.max(1, (heads.size() + HEADS_PER_RECORD - 1) / HEADS_PER_RECORD);
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            List<Head> slice = heads.subList(part * HEADS_PER_RECORD,
                    Math.min(heads.size(), (part + 1) * HEADS_PER_RECORD));
            Signed signed = sign(new Body(service, takenAt, from, to, part + 1, parts, slice), key);
            sends.add(kafka.send(TOPIC, service, json(signed)));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the chain-head digest", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the chain-head digest was not acknowledged; the next run sends it", e);
        }
        jdbc.sql("INSERT INTO evidence_digest (to_global_index, heads) VALUES (:to, :heads)")
                .param("to", to).param("heads", heads.size()).update();
        log.info("chain-head digest published: {} heads up to global index {}", heads.size(), to);
        return heads.size();
    }

    public static Signed sign(Body body, byte[] key) {
        try {
            String text = JSON.writeValueAsString(body);
            return new Signed(text, "HMAC-SHA256", HexFormat.of().formatHex(mac(key, text)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a digest cannot be written", e);
        }
    }

    /** The body of a signed record whose signature holds under the key; empty if it does not. */
    public static Optional<Body> verified(Signed signed, byte[] key) {
        if (signed == null || signed.body() == null || signed.signature() == null || key.length == 0) {
            return Optional.empty();
        }
        byte[] expected = mac(key, signed.body());
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signed.signature());
        } catch (IllegalArgumentException notHex) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(signed.body(), Body.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    public static Signed read(byte[] record) {
        try {
            return JSON.readValue(record, Signed.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] json(Signed signed) {
        try {
            return JSON.writeValueAsBytes(signed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a digest cannot be written", e);
        }
    }

    private static byte[] mac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 cannot be computed", e);
        }
    }
}
