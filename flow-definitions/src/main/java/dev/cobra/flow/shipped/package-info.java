/** The flows shipped with the product, read from the classpath ({@code flows/index.txt} and {@code flows/<id>.yaml}). */
package dev.cobra.flow.shipped;
