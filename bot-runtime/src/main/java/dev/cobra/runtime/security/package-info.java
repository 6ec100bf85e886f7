/**
 * Staff authentication and authorisation: users with roles in MongoDB (bcrypt), HTTP Basic for scripts and the
 * web apps, the role matrix in one place ({@link dev.cobra.runtime.security.AccessRules}), JSON 401/403.
 */
package dev.cobra.runtime.security;
