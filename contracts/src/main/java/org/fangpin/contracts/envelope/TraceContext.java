package org.fangpin.contracts.envelope;

/**
 * The W3C trace context of the work that caused an event, so that its publication and every consumer's handling join
 * the trace of the request that recorded it. Carried in the CloudEvents distributed-tracing extension
 * ({@code traceparent}, {@code tracestate}); absent on events published before tracing was.
 *
 * @param tracestate vendor data beside the parent, or {@code null}
 */
public record TraceContext(String traceparent, String tracestate) {
}
