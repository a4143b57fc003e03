package org.fangpin.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every service shares (prefix {@code fangpin}).
 *
 * @param service         the service's short name ({@code identification}, {@code monitoring}, ...): the
 *                        CloudEvents source, the consumer group and the dead-letter topic suffix
 * @param topicPartitions partitions of the published topics, created by each service if missing (households
 *                        spread over them by key)
 * @param delivery        how received events that fail are retried
 */
@ConfigurationProperties("fangpin")
public record PlatformProperties(String service, Integer topicPartitions, Delivery delivery) {

    public PlatformProperties {
        if (service == null || service.isBlank()) {
            throw new IllegalStateException("fangpin.service must name the service (e.g. identification)");
        }
        topicPartitions = topicPartitions == null ? 8 : topicPartitions;
        delivery = delivery == null ? new Delivery(3, Duration.ofSeconds(1)) : delivery;
    }

    /**
     * @param retries       how often a failing delivery is retried before it goes to the dead-letter topic
     * @param retryInterval the pause between retries
     */
    public record Delivery(int retries, Duration retryInterval) {
    }

    /** The dead-letter topic of this service's consumers for a topic it reads. */
    public String deadLetterTopic(String topic) {
        return topic + "." + service + ".dlt";
    }
}
