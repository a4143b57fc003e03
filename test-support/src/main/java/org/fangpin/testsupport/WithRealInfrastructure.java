package org.fangpin.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.annotation.DirtiesContext;

/**
 * Gives a {@code @SpringBootTest} class real infrastructure of its own: a fresh PostgreSQL database (dropped after
 * the class), a Kafka broker in KRaft mode (stopped after the class), and the JVM's {@link DevTokenIssuer} as the
 * trusted issuer. Requests need no gateway signature ({@code fangpin.security.require-gateway=false}): the test
 * calls the service directly. The context is closed after the class so that nothing outlives it.
 * <p>
 * Beans added to the context: {@link KafkaBroker} and {@link DevTokenIssuer}, for tests that send to Kafka or need
 * a token.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface WithRealInfrastructure {
}
