/**
 * Human handoff: the agents' queue, claiming a chat (an atomic single-document update), agent messages on the
 * conversation's channel, release back to the bot or closing with a disposition, agent presence and skills,
 * routing suggestions, the no-agent waiting notice and live queue events for consoles (polled from MongoDB, so
 * several runtime instances on one database agree).
 */
package dev.cobra.runtime.handoff;
