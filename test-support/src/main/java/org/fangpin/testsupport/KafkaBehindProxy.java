package org.fangpin.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a test class using {@link RealInfrastructureExtension}: its Kafka broker is reached only through a
 * {@link TcpProxy} ({@link KafkaBroker#startBehindProxy()}), so the test can take the broker away from every client
 * and give it back.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface KafkaBehindProxy {
}
