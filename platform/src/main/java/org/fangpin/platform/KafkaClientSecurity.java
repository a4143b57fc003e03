package org.fangpin.platform;

import java.util.HashMap;
import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * How a service authenticates to Kafka and encrypts its connections, from the environment, so that production runs
 * every client on SASL over TLS (or mutual TLS) and the same jar runs on a plaintext test broker:
 * <ul>
 *   <li>{@code FANGPIN_KAFKA_SECURITY_PROTOCOL}: {@code PLAINTEXT} (default), {@code SASL_PLAINTEXT},
 *       {@code SASL_SSL} or {@code SSL};</li>
 *   <li>{@code FANGPIN_KAFKA_SASL_MECHANISM} ({@code SCRAM-SHA-512} by default, or {@code PLAIN}) with
 *       {@code FANGPIN_KAFKA_USER} and {@code FANGPIN_KAFKA_PASSWORD} — the service's own principal;</li>
 *   <li>{@code FANGPIN_KAFKA_TRUSTSTORE}: a PEM file of the CA certificates that sign the brokers' (the JVM's
 *       trust store when unset); {@code FANGPIN_KAFKA_KEYSTORE}: a PEM file with the service's key and certificate,
 *       for mutual TLS.</li>
 * </ul>
 * Only settings that are given become client properties, so nothing is set on a plaintext connection.
 */
final class KafkaClientSecurity {

    private KafkaClientSecurity() {
    }

    static void apply(ConfigurableEnvironment environment) {
        String protocol = environment.getProperty("FANGPIN_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        if ("PLAINTEXT".equals(protocol)) {
            return;
        }
        Map<String, Object> kafka = new HashMap<>();
        kafka.put("spring.kafka.security.protocol", protocol);
        if (protocol.startsWith("SASL_")) {
            String mechanism = environment.getProperty("FANGPIN_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
            String module = mechanism.startsWith("SCRAM-") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                    : "org.apache.kafka.common.security.plain.PlainLoginModule";
            kafka.put("spring.kafka.properties.sasl.mechanism", mechanism);
            kafka.put("spring.kafka.properties.sasl.jaas.config", module + " required username=\""
                    + required(environment, "FANGPIN_KAFKA_USER") + "\" password=\""
                    + required(environment, "FANGPIN_KAFKA_PASSWORD") + "\";");
        }
        String truststore = environment.getProperty("FANGPIN_KAFKA_TRUSTSTORE");
        if (truststore != null && !truststore.isBlank()) {
            kafka.put("spring.kafka.properties.ssl.truststore.type", "PEM");
            kafka.put("spring.kafka.properties.ssl.truststore.location", truststore);
        }
        String keystore = environment.getProperty("FANGPIN_KAFKA_KEYSTORE");
        if (keystore != null && !keystore.isBlank()) {
            kafka.put("spring.kafka.properties.ssl.keystore.type", "PEM");
            kafka.put("spring.kafka.properties.ssl.keystore.location", keystore);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("fangpin-kafka-security", kafka));
    }

    private static String required(ConfigurableEnvironment environment, String name) {
        String value = environment.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " must be set for a SASL connection to Kafka");
        }
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
