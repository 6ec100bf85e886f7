package dev.cobra.runtime.persistence;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The work queues the collection owners declared ({@link WorkQueues}), as the embedded database reads them. The
 * owners are beans that need the database, so they are collected once every singleton exists (no bean cycle);
 * until then a queue query scans its collection as any other query does, which gives the same answer.
 */
final class EmbeddedQueues implements SmartInitializingSingleton {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EmbeddedQueues.class);

    private final ObjectProvider<WorkQueues> owners;
    private final Map<String, WorkQueues.Queue> queues = new ConcurrentHashMap<>();

    EmbeddedQueues(ObjectProvider<WorkQueues> owners) {
        this.owners = owners;
    }

    /** Without owners (tests of the storage engine): queues are declared one by one. */
    EmbeddedQueues() {
        this(null);
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (owners != null) {
            owners.orderedStream().forEach(owner -> owner.workQueues().forEach(this::declare));
            log.info("mongo.embedded.work_queues collections={}", queues.keySet());
        }
    }

    EmbeddedQueues declare(String collection, WorkQueues.Queue queue) {
        queues.put(collection, queue);
        return this;
    }

    /** The queue {@code collection} holds, or null. */
    WorkQueues.Queue forCollection(String collection) {
        return queues.get(collection);
    }
}
