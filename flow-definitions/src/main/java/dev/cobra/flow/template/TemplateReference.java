package dev.cobra.flow.template;

/**
 * One placeholder of a template.
 *
 * @param path   dotted variable path, e.g. {@code debt.balance}
 * @param filter the filter name after {@code |}, or null (e.g. {@code money}, {@code date})
 */
public record TemplateReference(String path, String filter) {
}
