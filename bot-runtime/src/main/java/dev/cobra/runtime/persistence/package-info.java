/**
 * MongoDB access: the embedded wire server for the default set-up, document classes and repositories.
 * Domain types carry no mapping annotations; documents here translate.
 */
package dev.cobra.runtime.persistence;
