package dev.cobra.runtime.channel.sms;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioSignatureTest {

    /** The worked example of Twilio's security documentation (TwilioDevEd/api-snippets, signature_validation). */
    @Test
    void matchesTwiliosDocumentedExample() {
        Map<String, List<String>> form = Map.of(
                "CallSid", List.of("CA1234567890ABCDE"),
                "Caller", List.of("+14158675310"),
                "Digits", List.of("1234"),
                "From", List.of("+14158675310"),
                "To", List.of("+18005551212"));
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        assertThat(TwilioSignature.sign("12345", url, form)).isEqualTo("GvWf1cFY/Q7PnoempGyD5oXAezc=");
        assertThat(TwilioSignature.isValid("12345", url, form, "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isTrue();
        assertThat(TwilioSignature.isValid("12345", url, form, "GvWf1cFY/Q7PnoempGyD5oXAezd=")).isFalse();
        assertThat(TwilioSignature.isValid("wrong", url, form, "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isFalse();
        assertThat(TwilioSignature.isValid("12345", url, form, null)).isFalse();
    }

    @Test
    void keywordsOptOutOnlyAsTheWholeMessageForSingleWords() {
        for (String text : List.of("STOP", "stop", "Baja", "¡BAJA!", "CANCELAR", "cancelar.", "UNSUBSCRIBE", "Stop all",
                "alto", "no me escriban mas", "Parar")) {
            assertThat(SmsKeywords.classify(text)).as(text).isEqualTo(SmsKeywords.Kind.OPT_OUT);
        }
        for (String text : List.of("quiero cancelar la deuda", "el monto es alto", "hola", "cuanto debo")) {
            assertThat(SmsKeywords.classify(text)).as(text).isEqualTo(SmsKeywords.Kind.TEXT);
        }
        assertThat(SmsKeywords.classify("START")).isEqualTo(SmsKeywords.Kind.OPT_IN);
        assertThat(SmsKeywords.classify("ayuda")).isEqualTo(SmsKeywords.Kind.HELP);
    }
}
