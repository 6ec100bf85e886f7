/**
 * Cobra's runtime application. Packages are by feature: {@code conversation} (one turn), {@code channel},
 * {@code debtor}, {@code nlu}, {@code security}, {@code persistence}, {@code web}, {@code config}.
 */
package dev.cobra.runtime;
