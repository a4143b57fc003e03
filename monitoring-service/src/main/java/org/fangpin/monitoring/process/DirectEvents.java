package org.fangpin.monitoring.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.PublishedEvent;
import org.fangpin.platform.actor.ActorDispatchInterceptor;
import org.fangpin.platform.actor.RequestContext;

/**
 * Appends events that belong to no monitored household (an area hazard, a lead on a household this service does
 * not monitor) to the event store, stamped with the actor and correlation like the events of a command, so that the
 * publisher sends them like any other. Called within the caller's transaction.
 */
@Component
public class DirectEvents {

    private final EventBus events;

    DirectEvents(EventBus events) {
        this.events = events;
    }

    public void publish(List<? extends PublishedEvent> payloads) {
        Map<String, Object> metaData = new HashMap<>(RequestContext.requireActor().toMetaData());
        metaData.put(ActorDispatchInterceptor.CORRELATION_ID, RequestContext.correlationId());
        events.publish(payloads.stream()
                .map(payload -> GenericEventMessage.asEventMessage(payload).andMetaData(metaData))
                .toList());
    }
}
