/**
 * Email over SMTP (Spring Boot's mail support, {@code spring.mail.*}): the personal chat-link message in HTML and
 * text, Spanish and English, with a signed unsubscribe link and {@code List-Unsubscribe} headers, and the public
 * unsubscribe route {@code /email/unsubscribe/{token}}.
 */
package dev.cobra.runtime.channel.email;
