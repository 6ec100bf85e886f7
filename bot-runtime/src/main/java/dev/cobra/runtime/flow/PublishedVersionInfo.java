package dev.cobra.runtime.flow;

import java.time.Instant;

/** One entry of a flow's publication history. */
public record PublishedVersionInfo(String flowId, int version, Instant publishedAt, String publishedBy) {
}
