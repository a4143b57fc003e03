package org.fangpin.platform.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.ActorDispatchInterceptor;
import org.fangpin.platform.actor.Provenance;

/**
 * Axon wiring shared by every service: actor metadata on commands and events, schema migration order, event streams
 * read together for commands sent together, projection writes sent together for events handled together.
 */
@Configuration(proxyBeanMethods = false)
public class AxonPlatformConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String OPTIMIZE_EVENT_CONSUMPTION = "optimize-event-consumption";

    /**
     * Copies the actor, the correlation id and an import's provenance from each command into the metadata of every
     * event it causes. It replaces Axon's default origin provider, whose {@code correlationId} would be the command's
     * own id.
     */
    @Bean
    CorrelationDataProvider actorCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(Actor.ID, Actor.NAME, Actor.ROLE, Actor.REGION,
                ActorDispatchInterceptor.CORRELATION_ID, Provenance.IMPORT_SOURCE, Provenance.IMPORT_ROW);
    }

    @Bean
    SmartInitializingSingleton actorOnEveryCommand(CommandBus commandBus) {
        return () -> commandBus.registerDispatchInterceptor(new ActorDispatchInterceptor());
    }

    /**
     * Two units of work that append to the same aggregate at once (two replicas, or a user's command racing an
     * automation's) collide on the event store's unique key. PostgreSQL reports that as SQL state 23505, which Axon's
     * default resolver does not recognise, so the loser would fail as an internal error; recognised, it is a
     * {@code ConcurrencyException}: the refused command changed nothing and may be sent again.
     */
    @Bean
    PersistenceExceptionResolver uniqueViolationIsConcurrentAppend() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    /** The command gateway of every service: a command that lost a race for its aggregate is sent again. */
    @Bean
    ConflictRetries conflictRetries() {
        return new ConflictRetries();
    }

    /**
     * Each tracking processor reads its own stream of the event store. With Axon's shared stream (on by default) every
     * event appended after the slowest processor's position stays in memory until it has passed: after a go-live
     * import of 196,000 households, identification-service's Kafka publisher was 279,000 events behind, they filled
     * its heap, and the service spent its time in garbage collection until it stopped answering (AxonFramework issue
     * #2954). Axon's switch is a system property, read when the event store is built, so it is set before any bean
     * is made; one given on the command line wins.
     */
    @Bean
    static BeanFactoryPostProcessor privateEventStreams() {
        return beanFactory -> {
            if (System.getProperty(OPTIMIZE_EVENT_CONSUMPTION) == null) {
                System.setProperty(OPTIMIZE_EVENT_CONSUMPTION, "false");
            }
        };
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ConflictRetries conflictRetries) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(conflictRetries).build();
    }

    @Bean
    EventStreamPrefetch eventStreamPrefetch(JdbcClient jdbc, @Qualifier("eventSerializer") Serializer eventSerializer,
                                            ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new EventStreamPrefetch(jdbc, eventSerializer, () -> axon.getObject().upcasterChain());
    }

    @Bean
    ProjectionWriter projectionWriter(NamedParameterJdbcOperations jdbc) {
        return new ProjectionWriter(jdbc);
    }

    @Bean
    FlywayMigrationStrategy platformSchemaMigration() {
        return new PlatformSchemaMigration();
    }
}
