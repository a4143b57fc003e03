package org.fangpin.platform.policy;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import org.fangpin.contracts.Topics;
import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyCorrected;
import org.fangpin.platform.consuming.EventInbox;

/**
 * Keeps this service's {@link PolicyBook} in step with the policy identification-service publishes. Enabled with
 * {@code fangpin.policy.replica: true} in services other than the policy's owner.
 */
public class PolicyReplica {

    static final String CONSUMER = "ReadModel_Policy";

    private final EventInbox inbox;
    private final PolicyBook book;

    public PolicyReplica(EventInbox inbox, PolicyBook book) {
        this.inbox = inbox;
        this.book = book;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.IDENTIFICATION)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, envelope -> {
            if (envelope.data() instanceof PolicyChanged change) {
                book.record(change, envelope.id(), envelope.time().toInstant());
            } else if (envelope.data() instanceof PolicyCorrected correction) {
                book.record(correction, envelope.id(), envelope.time().toInstant());
            }
        });
    }
}
