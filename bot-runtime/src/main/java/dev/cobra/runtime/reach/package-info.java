/**
 * Reach: the debtor's personal chat link delivered by SMS or email, always through the contact policy
 * ({@link dev.cobra.runtime.reach.LinkDelivery}), for campaigns and for staff ({@code POST /api/debtors/{id}/links/send}).
 */
package dev.cobra.runtime.reach;
