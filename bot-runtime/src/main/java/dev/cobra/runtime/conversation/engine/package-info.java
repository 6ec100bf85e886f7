/**
 * The flow engine: compiles a flow version into a Spring Statemachine model (cached per flow id and version)
 * and executes one conversation turn on our own JSON state, following the shared flow semantics.
 */
package dev.cobra.runtime.conversation.engine;
