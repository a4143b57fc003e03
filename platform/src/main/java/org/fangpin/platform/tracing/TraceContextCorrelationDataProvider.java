package org.fangpin.platform.tracing;

import java.util.Map;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Puts the trace context into the metadata of every event a command causes, like the actor: the current span's
 * (the request's, or a consumer's handling) when there is one, else the one the handled message carries. So the
 * event's publication, which runs later in another thread, continues the trace of the work that recorded it.
 */
public class TraceContextCorrelationDataProvider implements CorrelationDataProvider {

    private final EventTracing tracing;

    public TraceContextCorrelationDataProvider(EventTracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, String> current = tracing.currentContext();
        return current.isEmpty() ? tracing.contextIn(message.getMetaData()) : current;
    }
}
