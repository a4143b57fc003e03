package org.fangpin.platform;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code fangpin-platform.yml} as the lowest-precedence configuration, so that every service starts from the
 * same settings (Jackson serializer, Kafka serializers, JWT validation, Actuator exposure) and overrides only what
 * is its own; then the Kafka clients' security from the environment ({@link KafkaClientSecurity}).
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new YamlPropertySourceLoader()
                    .load("fangpin-platform-defaults", new ClassPathResource("fangpin-platform.yml"))
                    .forEach(source -> environment.getPropertySources().addLast(source));
            KafkaClientSecurity.apply(environment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fangpin-platform.yml", e);
        }
    }
}
