package dev.cobra.flow.model;

/**
 * WhatsApp settings of a flow ({@code whatsapp:} in the YAML).
 *
 * @param windowTemplate the approved template this flow sends when it must speak outside WhatsApp's 24-hour
 *                       customer service window; null means the runtime's global {@code whatsapp.window-template}
 */
public record WhatsAppSettings(WindowTemplate windowTemplate) {
}
