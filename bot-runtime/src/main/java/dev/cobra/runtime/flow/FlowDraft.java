package dev.cobra.runtime.flow;

import java.time.Instant;

/**
 * The editable draft of a flow as stored: the YAML exactly as the designer wrote it (comments kept).
 *
 * @param draftVersion          revision of the draft, +1 on every save
 * @param publishedVersion      the published version new conversations start, or null
 * @param publishedDraftVersion the draft revision that version was published from, or null
 */
public record FlowDraft(String id, String title, String yaml, int draftVersion, Integer publishedVersion,
                        Integer publishedDraftVersion, Instant updatedAt, String updatedBy) {

    public boolean unpublishedChanges() {
        return publishedDraftVersion == null || publishedDraftVersion != draftVersion;
    }
}
