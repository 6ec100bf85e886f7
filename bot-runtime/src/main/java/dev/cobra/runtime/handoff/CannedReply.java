package dev.cobra.runtime.handoff;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A ready-made answer agents insert into the chat. The text may hold variables the console fills from the chat's
 * context before sending: {@code {firstName}}, {@code {name}}, {@code {balance}}, {@code {currency}},
 * {@code {dueDate}}, {@code {daysPastDue}}, {@code {agent}}.
 *
 * @param locale {@code es} or {@code en}, or null for replies usable in any language
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CannedReply(String id, String title, String text, String locale, String updatedBy, Instant updatedAt) {
}
