/**
 * SMS: the {@link dev.cobra.runtime.channel.sms.SmsProvider} interface with its Twilio Messages API adapter, the
 * outbound message records with their delivery statuses ({@code sms_messages}), and the signed inbound webhook
 * {@code POST /webhooks/sms} (opt-out keywords, status callbacks).
 */
package dev.cobra.runtime.channel.sms;
