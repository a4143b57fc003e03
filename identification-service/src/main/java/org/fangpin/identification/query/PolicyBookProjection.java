package org.fangpin.identification.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyCorrected;
import org.fangpin.platform.policy.PolicyBook;

/**
 * Keeps this service's {@link PolicyBook} from its own policy events, changes and corrections alike, in the same
 * transaction, so a threshold read here right after a change is the changed one and the lookups use the same table
 * as the other services.
 */
@Component
@ProcessingGroup(PolicyBookProjection.PROCESSING_GROUP)
class PolicyBookProjection {

    static final String PROCESSING_GROUP = "ReadModel_PolicyBook";

    private final PolicyBook book;

    PolicyBookProjection(PolicyBook book) {
        this.book = book;
    }

    @EventHandler
    void on(PolicyChanged event, EventMessage<?> message) {
        book.record(event, message.getIdentifier(), message.getTimestamp());
    }

    @EventHandler
    void on(PolicyCorrected event, EventMessage<?> message) {
        book.record(event, message.getIdentifier(), message.getTimestamp());
    }
}
