/** Request limits shared by the public endpoints and the staff sign-in: token buckets per key (Bucket4j), bounded. */
package dev.cobra.runtime.web.limits;
