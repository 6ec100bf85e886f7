/**
 * The OpenAPI 3 description of every staff and public endpoint (springdoc for WebFlux): {@code /v3/api-docs} and its
 * UI at {@code /api-docs/}, both for staff, served from the jar (no CDN).
 */
package dev.cobra.runtime.web.openapi;
