package org.fangpin.platform;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings every service shares (prefix {@code fangpin}).
 *
 * @param service         the service's short name ({@code identification}, {@code monitoring}, ...): the
 *                        CloudEvents source, the consumer group and the dead-letter topic suffix
 * @param topicPartitions partitions of the published topics, created by each service if missing (households
 *                        spread over them by key)
 * @param delivery        how received events that fail are retried
 * @param web             limits of the HTTP edge
 */
@ConfigurationProperties("fangpin")
public record PlatformProperties(String service, Integer topicPartitions, Delivery delivery, Web web) {

    public PlatformProperties {
        if (service == null || service.isBlank()) {
            throw new IllegalStateException("fangpin.service must name the service (e.g. identification)");
        }
        topicPartitions = topicPartitions == null ? 8 : topicPartitions;
        delivery = delivery == null ? new Delivery(3, Duration.ofSeconds(1), null) : delivery;
        web = web == null ? new Web(null, null) : web;
    }

    /**
     * @param maxRequestBody     the largest request body a path takes unless listed below (2 MB: a village's month
     *                           of monthly records with room to spare)
     * @param largeRequestBodies paths that take files, each with its own limit (first match wins)
     */
    public record Web(DataSize maxRequestBody, List<LargeBody> largeRequestBodies) {
        public Web {
            maxRequestBody = maxRequestBody == null ? DataSize.ofMegabytes(2) : maxRequestBody;
            largeRequestBodies = largeRequestBodies == null ? List.of() : List.copyOf(largeRequestBodies);
        }
    }

    /** @param path an Ant pattern of request paths, e.g. {@code /api/department-data/batches} */
    public record LargeBody(String path, DataSize maxSize) {
    }

    /**
     * @param retries              how often a delivery that fails because of the event is retried before it goes to
     *                             the dead-letter topic
     * @param retryInterval        the pause between those retries, and the first pause after a transient failure
     * @param maxTransientInterval the longest pause between retries of a transient failure, which are retried until
     *                             they succeed (30 s)
     */
    public record Delivery(int retries, Duration retryInterval, Duration maxTransientInterval) {
        public Delivery {
            retryInterval = retryInterval == null ? Duration.ofSeconds(1) : retryInterval;
            maxTransientInterval = maxTransientInterval == null ? Duration.ofSeconds(30) : maxTransientInterval;
        }
    }

    /** The dead-letter topic of this service's consumers for a topic it reads. */
    public String deadLetterTopic(String topic) {
        return topic + "." + service + ".dlt";
    }
}
