/**
 * The immutable flow model: a flow is a map of named steps, each of one type. Instances come from
 * {@code dev.cobra.flow.read.FlowReader} and are checked by {@code dev.cobra.flow.validate.FlowValidator}.
 */
package dev.cobra.flow.model;
