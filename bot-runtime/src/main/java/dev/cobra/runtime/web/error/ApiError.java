package dev.cobra.runtime.web.error;

/**
 * The body of every error response (CONTRACTS.md, "Errors").
 *
 * @param error   a stable machine-readable code, e.g. {@code malformed_json}
 * @param message a human-readable explanation; never a stack trace, never personal data
 */
public record ApiError(String error, String message) {
}
