/** Application settings and infrastructure wiring. */
package dev.cobra.runtime.config;
