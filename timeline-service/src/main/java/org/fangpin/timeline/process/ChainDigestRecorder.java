package org.fangpin.timeline.process;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import org.fangpin.platform.evidence.ChainDigests;
import org.fangpin.platform.evidence.ChainDigests.Body;

/**
 * Keeps the chain heads of the source services' signed digests (ADR 0029), once each; a record whose signature does
 * not hold under the evidence key is refused (logged, counted as nothing kept), so no one without the key can plant
 * heads that would make a rewritten chain look right.
 */
@Component
class ChainDigestRecorder {

    static final String CONSUMER = "ReadModel_ChainDigests";
    private static final Logger log = LoggerFactory.getLogger(ChainDigestRecorder.class);

    private final JdbcClient jdbc;
    private final byte[] key;

    ChainDigestRecorder(JdbcClient jdbc, @Value("${fangpin.evidence.digest-key:${FANGPIN_EVIDENCE_KEY:}}") String key) {
        this.jdbc = jdbc;
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    @KafkaListener(id = CONSUMER, topics = ChainDigests.TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        Optional<Body> body = ChainDigests.verified(ChainDigests.read(record.value()), key);
        if (body.isEmpty()) {
            log.warn("chain-head digest at {}-{}@{} refused: its signature does not hold under the evidence key",
                    record.topic(), record.partition(), record.offset());
            return;
        }
        keep(body.get());
    }

    void keep(Body body) {
        List<ChainDigests.Head> heads = body.heads();
        for (ChainDigests.Head head : heads) {
            jdbc.sql("""
                            INSERT INTO chain_head_digest (service, aggregate_id, sequence, hash, digested_at)
                            VALUES (:service, :aggregate, :sequence, decode(:hash, 'hex'), :at)
                            ON CONFLICT DO NOTHING""")
                    .param("service", body.service()).param("aggregate", head.aggregateId())
                    .param("sequence", head.sequence()).param("hash", head.hash())
                    .param("at", Timestamp.from(body.takenAt())).update();
        }
    }
}
