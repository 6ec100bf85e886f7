/**
 * The flow engine: compiles a flow version into a Spring Statemachine model (cached per flow id and version, with
 * a pool of started machines) and executes one conversation turn on it, restoring the machine from our own JSON
 * state; the library is used only inside this package, behind {@link dev.cobra.runtime.conversation.engine.FlowEngine}.
 */
package dev.cobra.runtime.conversation.engine;
