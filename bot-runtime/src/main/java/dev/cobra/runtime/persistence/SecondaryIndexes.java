package dev.cobra.runtime.persistence;

import org.springframework.data.mongodb.core.index.Index;

import java.util.List;
import java.util.Map;

/**
 * A collection owner's secondary indexes for a real MongoDB ({@link DatabaseIndexes} creates them at start; the
 * embedded server has none). Docs: docs/deployment.md, "Indexes".
 */
public interface SecondaryIndexes {

    /** Owned collection → the indexes its hot queries need. */
    Map<String, List<Index>> secondaryIndexes();
}
