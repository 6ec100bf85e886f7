package dev.cobra.runtime.flow;

import java.time.Instant;

/**
 * One row of {@code GET /api/flows}.
 *
 * @param publishedVersion the version new conversations start, or null when never published
 * @param draftVersion     revision number of the draft: 1 when created, +1 on every save
 * @param unpublishedChanges whether the draft differs from the published version
 * @param stage            whether the flow has a days-past-due selection (a stage flow) rather than being a subflow
 */
public record FlowSummary(String id, String title, Integer publishedVersion, Integer draftVersion,
                          boolean unpublishedChanges, boolean stage, Instant updatedAt, String updatedBy) {
}
