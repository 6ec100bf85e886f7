/** Channel-neutral messages: what comes in from a debtor and what the bot sends back. */
package dev.cobra.runtime.channel;
