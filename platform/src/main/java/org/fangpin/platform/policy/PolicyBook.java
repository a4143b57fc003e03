package org.fangpin.platform.policy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyCorrected;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.platform.web.RuleViolation;

/**
 * The policy thresholds this service knows, one entry per region prefix and year, kept from {@link PolicyChanged}
 * and {@link PolicyCorrected} events. For a year, the thresholds of a household are those of the latest year not
 * after it that any prefix of its region code set, and of that year the most specific prefix: a village's entry of
 * an earlier year never shadows a later provincial or national line.
 */
public class PolicyBook {

    private static final ObjectMapper JSON = EnvelopeCodec.mapper();

    private final JdbcClient jdbc;

    public PolicyBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The policy a household of this region is judged by in this year, and where it comes from. */
    public record InForce(String regionPrefix, int year, PolicyThresholds thresholds, Instant changedAt) {
    }

    public Optional<InForce> inForce(String regionCode, int year) {
        return jdbc.sql("""
                        SELECT region_prefix, policy_year, thresholds::text AS thresholds, changed_at FROM policy
                        WHERE left(:region, length(region_prefix)) = region_prefix AND policy_year <= :year
                        ORDER BY policy_year DESC, length(region_prefix) DESC
                        LIMIT 1""")
                .param("region", regionCode)
                .param("year", year)
                .query((row, number) -> new InForce(row.getString("region_prefix"), row.getInt("policy_year"),
                        read(row.getString("thresholds")), row.getTimestamp("changed_at").toInstant()))
                .optional();
    }

    public Optional<PolicyThresholds> thresholds(String regionCode, int year) {
        return inForce(regionCode, year).map(InForce::thresholds);
    }

    /** The thresholds in force; refused with 422 {@code POLICY_MISSING} when no policy covers the region and year. */
    public PolicyThresholds require(String regionCode, int year) {
        return thresholds(regionCode, year)
                .orElseThrow(() -> RuleViolation.of("POLICY_MISSING", regionCode, year));
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM policy)").query(Boolean.class).single();
    }

    /** Records a change; an older or repeated delivery of the same region and year is replaced by the newer one. */
    public void record(PolicyChanged change, String eventId, Instant changedAt) {
        record(change.regionCode(), change.year(), change.thresholds(), eventId, changedAt);
    }

    /** Records a correction as it records a change: the corrected thresholds apply from now on. */
    public void record(PolicyCorrected correction, String eventId, Instant changedAt) {
        record(correction.regionCode(), correction.year(), correction.thresholds(), eventId, changedAt);
    }

    private void record(String regionPrefix, int year, PolicyThresholds thresholds, String eventId,
                        Instant changedAt) {
        jdbc.sql("""
                        INSERT INTO policy (region_prefix, policy_year, thresholds, event_id, changed_at)
                        VALUES (:region, :year, CAST(:thresholds AS jsonb), :eventId, :at)
                        ON CONFLICT (region_prefix, policy_year) DO UPDATE
                        SET thresholds = EXCLUDED.thresholds, event_id = EXCLUDED.event_id,
                            changed_at = EXCLUDED.changed_at
                        WHERE policy.changed_at <= EXCLUDED.changed_at""")
                .param("region", regionPrefix)
                .param("year", year)
                .param("thresholds", write(thresholds))
                .param("eventId", eventId)
                .param("at", Timestamp.from(changedAt))
                .update();
    }

    private static PolicyThresholds read(String json) {
        try {
            return JSON.readValue(json, PolicyThresholds.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy thresholds cannot be read", e);
        }
    }

    private static String write(PolicyThresholds thresholds) {
        try {
            return JSON.writeValueAsString(thresholds);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("policy thresholds cannot be written", e);
        }
    }
}
