package org.fangpin.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Wires {@link WithRealInfrastructure} into Spring's test context (registered in META-INF/spring.factories). */
public class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        if (!MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(WithRealInfrastructure.class)) {
            return null;
        }
        return new RealInfrastructureCustomizer(testClass);
    }

    /** One per test class: equal only to itself's class, so no two classes share a context or a database. */
    private record RealInfrastructureCustomizer(Class<?> testClass) implements ContextCustomizer {

        private static final String DYNAMIC_TEST_PROPERTIES = "Dynamic Test Properties";

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            PostgresServer.TestDatabase database = PostgresServer.get().createDatabase(testClass.getSimpleName());
            KafkaBroker kafka = KafkaBroker.start();
            DevTokenIssuer issuer = DevTokenIssuer.shared();

            Map<String, Object> properties = new HashMap<>();
            properties.put("spring.datasource.url", database.jdbcUrl());
            properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
            properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer());
            properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer.jwksUri());
            // Tests call the service in their JVM directly, not through a gateway (see GatewayTrust to sign).
            properties.put("fangpin.security.require-gateway", "false");
            // The embedded broker runs in the test's JVM; its own INFO lines would drown the service's log.
            properties.put("logging.level.kafka", "WARN");
            properties.put("logging.level.org.apache.kafka", "WARN");
            properties.put("logging.level.state.change.logger", "WARN");
            // Above the application's configuration, below a test's own @DynamicPropertySource values.
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource infrastructure = new MapPropertySource("fangpin-real-infrastructure", properties);
            if (sources.contains(DYNAMIC_TEST_PROPERTIES)) {
                sources.addAfter(DYNAMIC_TEST_PROPERTIES, infrastructure);
            } else {
                sources.addFirst(infrastructure);
            }

            context.getBeanFactory().registerSingleton("kafkaBroker", kafka);
            context.getBeanFactory().registerSingleton("testDatabase", database);
            context.getBeanFactory().registerSingleton("devTokenIssuer", issuer);
            // Registered before any bean of the context, so destroyed after all of them.
            DefaultSingletonBeanRegistry registry = (DefaultSingletonBeanRegistry) context.getBeanFactory();
            registry.registerDisposableBean("fangpinTestDatabase", database::close);
            registry.registerDisposableBean("fangpinTestKafka", kafka::close);
        }
    }
}
