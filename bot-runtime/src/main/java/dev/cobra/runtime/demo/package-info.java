/**
 * The first-start experience: a small demo portfolio on an empty database (unless {@code bot.demo.enabled=false})
 * and a startup banner that says where to go — staff app, admin sign-in, webchat deep links per stage.
 */
package dev.cobra.runtime.demo;
