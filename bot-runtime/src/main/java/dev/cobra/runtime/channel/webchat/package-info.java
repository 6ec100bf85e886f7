/** The webchat channel: sessions from deep links or anonymous visitors, messages, transcript, live push. */
package dev.cobra.runtime.channel.webchat;
