/**
 * Serves the bundled web apps: the staff app at {@code /console/}, the debtor webchat at {@code /chat/{token}}
 * (and {@code /chat/} for anonymous visitors), the widget loader {@code /webchat.js} and the hashed assets,
 * each with fitting cache headers.
 */
package dev.cobra.runtime.web.pages;
