package org.fangpin.contracts.envelope;

/**
 * Where a published event sits in its service's hash-chained event store (ADR 0028, 0029): its aggregate, its
 * sequence number there and its link ({@code chainhash}, lowercase hex). Carried in the CloudEvents extensions
 * {@code sourceaggregate}, {@code sourcesequence} and {@code sourcehash}; absent on events published before the stores
 * were chained.
 */
public record SourceLink(String aggregateId, long sequence, String hash) {
}
