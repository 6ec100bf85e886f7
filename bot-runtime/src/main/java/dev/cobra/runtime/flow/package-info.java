/** Flow storage in MongoDB: drafts, published versions, the shipped flows loaded at first start, and the flows API. */
package dev.cobra.runtime.flow;
