/**
 * Text preparation shared by training and classification: normalisation of chat text (case, accents,
 * repeated letters, emoji, WhatsApp abbreviations), tokenisation and es/en language detection.
 */
package dev.cobra.nlp.text;
