package org.fangpin.monitoring.config;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.fangpin.monitoring.command.MonitoredHousehold;
import org.fangpin.platform.axon.EventStreamPrefetch;

/**
 * A village officer's month and a chunk of department hits each load a hundred households in one transaction: their
 * event streams are read together first (one query instead of two per household).
 */
@Configuration(proxyBeanMethods = false)
class HouseholdRepositoryConfiguration {

    @Bean
    EventSourcingRepository<MonitoredHousehold> monitoredHouseholdRepository(
            EventStore eventStore, EventStreamPrefetch prefetch,
            @Qualifier("parameterResolverFactory") ParameterResolverFactory parameterResolverFactory,
            @Qualifier("handlerDefinition") HandlerDefinition handlerDefinition) {
        return prefetch.repository(EventSourcingRepository.builder(MonitoredHousehold.class)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition));
    }
}
