package dev.cobra.runtime.persistence;

import java.util.Map;
import java.util.Set;

/**
 * A collection owner that keeps a work queue inside a growing collection (the outbox's unsent messages, the inbound
 * messages not processed yet) declares it here, so that the embedded database can answer the queue's query from an
 * in-memory index instead of scanning every document ever written. The embedded server knows no collection by
 * itself; a real MongoDB uses the owner's {@link SecondaryIndexes} instead.
 */
public interface WorkQueues {

    /** Owned collection → its queue. */
    Map<String, Queue> workQueues();

    /** The documents whose {@code field} holds one of {@code values} (strings). */
    record Queue(String field, Set<String> values) {

        public Queue {
            values = Set.copyOf(values);
        }
    }
}
