/** Turning YAML text into the flow model, with errors that name the flow and the step. */
package dev.cobra.flow.read;
