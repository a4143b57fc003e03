package org.fangpin.timeline.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import org.fangpin.timeline.query.TimelineQueries.ChainLink;

/**
 * Compares a household's chains in the timeline with the source services' own chains of the same household (ADR
 * 0029): each source's links are read from its evidence endpoint
 * ({@code /api/admin/<service>/evidence/verify?aggregate=}) through the gateway, on behalf of the caller, whose token
 * the source judges itself (an ADMIN or INSPECTOR of national scope); both sides are also compared with the heads the
 * source published in its signed digests, which tell which side was rewritten when both verify. This is the one synchronous read between
 * services: what the source store holds now cannot come by Kafka, where the timeline already has what was published.
 */
@Component
public class SourceChains {

    private final RestClient gateway;
    private final JdbcClient jdbc;

    SourceChains(@Value("${fangpin.timeline.source-evidence-url}") String gatewayUrl, JdbcClient jdbc) {
        this.jdbc = jdbc;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(30));
        this.gateway = RestClient.builder().baseUrl(gatewayUrl).requestFactory(requests).build();
    }

    /** What the comparison of one source's chains found. */
    public enum Verdict {
        /** Every link the timeline kept is the source's link of that event, and both chains verify. */
        AGREE,
        /** The source's own store no longer verifies: the source side was altered. */
        SOURCE_ALTERED,
        /** The timeline's chain of this source no longer verifies: the timeline side was altered. */
        TIMELINE_ALTERED,
        /**
         * The source's chain verifies, but a head it published in a signed digest is no longer its link at that
         * sequence number, or is gone: the source's chain was rewritten with recomputed links (or cut short).
         */
        SOURCE_REWRITTEN,
        /**
         * The timeline's chain verifies, but a source link it kept is not the head the source published for that
         * sequence number in a signed digest: the timeline's copy was rewritten with recomputed links.
         */
        TIMELINE_REWRITTEN,
        /**
         * Both chains verify, but a link differs or an event is missing on one side: one of them was rewritten with
         * recomputed links; the signed digests of the chain heads tell which.
         */
        CHAINS_DIFFER,
        /** The source's chain could not be read (refused to the caller, or unreachable). */
        UNCHECKED
    }

    /**
     * @param eventId the first event where the sides disagree (or that is broken); null when they agree
     * @param reason  why the source could not be checked, or what differs
     */
    public record Comparison(String source, Verdict verdict, String eventId, Long sourceSequence, String reason) {
    }

    /** One comparison per source service with links in the household's timeline, in source order. */
    public List<Comparison> compare(String householdId, List<ChainLink> timeline, String authorization) {
        Map<String, List<ChainLink>> bySource = new LinkedHashMap<>();
        timeline.stream().filter(link -> link.sourceHash() != null)
                .forEach(link -> bySource.computeIfAbsent(link.source(), source -> new ArrayList<>()).add(link));
        List<Comparison> comparisons = new ArrayList<>();
        bySource.forEach((source, links) -> comparisons.add(compare(householdId, source, links, authorization)));
        return comparisons;
    }

    private Comparison compare(String householdId, String source, List<ChainLink> kept, String authorization) {
        ChainLink brokenHere = kept.stream().filter(link -> !link.intact()).findFirst().orElse(null);
        if (brokenHere != null) {
            return new Comparison(source, Verdict.TIMELINE_ALTERED, brokenHere.eventId(), brokenHere.sourceSequence(),
                    "the timeline's entry no longer matches its hash");
        }
        String service = source.substring(source.lastIndexOf('/') + 1);
        String aggregate = kept.get(0).sourceAggregate() != null ? kept.get(0).sourceAggregate() : householdId;
        Map<Long, String> digested = digestedHeads(service, aggregate);
        for (ChainLink link : kept) {
            String head = digested.get(link.sourceSequence());
            if (head != null && !head.equals(link.sourceHash())) {
                return new Comparison(source, Verdict.TIMELINE_REWRITTEN, link.eventId(), link.sourceSequence(),
                        "the link the timeline kept is not the head the source published in its signed digest");
            }
        }
        JsonNode chain;
        try {
            chain = gateway.get()
                    .uri("/api/admin/{service}/evidence/verify?aggregate={aggregate}", service, aggregate)
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .retrieve().body(JsonNode.class);
        } catch (RestClientResponseException refused) {
            return new Comparison(source, Verdict.UNCHECKED, null, null,
                    "the source answered " + refused.getStatusCode().value());
        } catch (RestClientException unreachable) {
            return new Comparison(source, Verdict.UNCHECKED, null, null, "the source could not be reached");
        }
        if (chain == null) {
            return new Comparison(source, Verdict.UNCHECKED, null, null, "the source answered nothing");
        }
        if (!chain.path("intact").asBoolean()) {
            JsonNode first = chain.path("firstBroken");
            return new Comparison(source, Verdict.SOURCE_ALTERED, first.path("eventId").asText(null),
                    first.path("sequenceNumber").isMissingNode() ? null : first.path("sequenceNumber").asLong(),
                    "the source's store no longer verifies (" + first.path("fault").asText() + ")");
        }
        Map<Long, JsonNode> sourceLinks = new HashMap<>();
        chain.path("links").forEach(link -> sourceLinks.put(link.path("sequenceNumber").asLong(), link));
        for (Map.Entry<Long, String> head : digested.entrySet()) {
            JsonNode there = sourceLinks.get(head.getKey());
            if (there == null || !head.getValue().equals(there.path("hash").asText())) {
                return new Comparison(source, Verdict.SOURCE_REWRITTEN,
                        there == null ? null : there.path("eventId").asText(), head.getKey(),
                        there == null ? "the source no longer has the event whose head it published"
                                : "the source's link is not the head it published in its signed digest");
            }
        }
        for (ChainLink link : kept) {
            JsonNode there = sourceLinks.get(link.sourceSequence());
            if (there == null) {
                return new Comparison(source, Verdict.CHAINS_DIFFER, link.eventId(), link.sourceSequence(),
                        "the source has no event at this sequence number");
            }
            if (!Objects.equals(there.path("eventId").asText(), link.eventId())
                    || !Objects.equals(there.path("hash").asText(), link.sourceHash())) {
                return new Comparison(source, Verdict.CHAINS_DIFFER, link.eventId(), link.sourceSequence(),
                        "the source's link of this event is not the one it published");
            }
        }
        return new Comparison(source, Verdict.AGREE, null, null, null);
    }

    /** The heads of the aggregate's chain that its service published in signed digests: sequence to hash (hex). */
    private Map<Long, String> digestedHeads(String service, String aggregate) {
        Map<Long, String> heads = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT sequence, encode(hash, 'hex') AS hash FROM chain_head_digest
                        WHERE service = :service AND aggregate_id = :aggregate ORDER BY sequence""")
                .param("service", service).param("aggregate", aggregate)
                .query(rs -> {
                    heads.put(rs.getLong("sequence"), rs.getString("hash"));
                });
        return heads;
    }
}
