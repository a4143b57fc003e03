package org.fangpin.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a test class using {@link RealInfrastructureExtension}: its Kafka broker is secured as production's is — SASL
 * for every client, each service's principal limited by the ACLs of {@code deploy/kafka/acls.tsv} (found under the
 * system property {@code fangpin.root}), the published topics created beforehand. Services started by the test
 * connect with {@link KafkaBroker#credentialsOf(String)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface SecuredKafka {
}
