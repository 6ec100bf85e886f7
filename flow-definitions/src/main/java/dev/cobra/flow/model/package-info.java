/**
 * The immutable flow model: a flow is a map of named steps, each of one type. Instances come from
 * {@code dev.cobra.flow.yaml.FlowReader} and are checked by {@code dev.cobra.flow.validation.FlowValidator}.
 */
package dev.cobra.flow.model;
