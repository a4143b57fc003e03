package org.fangpin.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every service shares (prefix {@code fangpin}).
 *
 * @param service   the service's short name ({@code identification}, {@code monitoring}, ...): the CloudEvents
 *                  source, the consumer group and the dead-letter topic suffix
 * @param kafka     topic and retry settings
 */
@ConfigurationProperties("fangpin")
public record PlatformProperties(String service, Kafka kafka) {

    public PlatformProperties {
        if (service == null || service.isBlank()) {
            throw new IllegalStateException("fangpin.service must name the service (e.g. identification)");
        }
        kafka = kafka == null ? new Kafka(8, 3, Duration.ofSeconds(1)) : kafka;
    }

    /**
     * @param partitions      partitions of a topic this service creates (households spread over them by key)
     * @param deliveryRetries how often a failing delivery is retried before it goes to the dead-letter topic
     * @param retryInterval   the pause between retries
     */
    public record Kafka(int partitions, int deliveryRetries, Duration retryInterval) {
    }

    /** The dead-letter topic of this service's consumers for a topic it reads. */
    public String deadLetterTopic(String topic) {
        return topic + "." + service + ".dlt";
    }
}
