/**
 * Every failure leaves the server as JSON {@code {"error":"<code>","message":"..."}} with a fitting status:
 * one exception type to throw ({@link dev.cobra.runtime.web.error.ApiException}) and one handler that maps
 * everything else.
 */
package dev.cobra.runtime.web.error;
