package dev.cobra.runtime.nlu;

import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Classifies a message and extracts its entities. The work runs on a bounded scheduler, never on a Netty
 * event-loop thread.
 */
public interface NluService {

    Mono<NluResult> parse(String text, String locale, LocalDate referenceDate, ZoneId zone);
}
