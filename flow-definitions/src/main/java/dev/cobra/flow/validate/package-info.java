/**
 * Flow validation before a flow is published: one {@link dev.cobra.flow.validate.ValidationRule} per file,
 * each reporting {@link dev.cobra.flow.validate.FlowProblem}s that name the flow and the step.
 */
package dev.cobra.flow.validate;
