package org.fangpin.platform.tracing;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Traces carried through the event store and Kafka ({@link EventTracing}), by Micrometer Tracing's tracer and
 * propagator (OpenTelemetry, W3C trace context). Without them (tracing switched off) nothing is carried.
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    @Bean
    EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventTracing(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    TraceContextCorrelationDataProvider traceContextCorrelationDataProvider(EventTracing tracing) {
        return new TraceContextCorrelationDataProvider(tracing);
    }

    /**
     * Probes and scrapes (the gateway's balancer and Kubernetes every few seconds, Prometheus) are nobody's request:
     * neither a trace nor a request in the services' latency and error rates.
     */
    @Bean
    ObservationPredicate noObservationOfActuatorRequests() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().startsWith("/actuator/"));
    }
}
