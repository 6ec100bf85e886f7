package dev.cobra.flow.validate;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.MessageStep;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MediaRuleTest {

    private final MediaRule rule = new MediaRule();

    private static String flow(String media) {
        return "id: t\nentry: a\nsteps:\n  a:\n    type: message\n    media: " + media + "\n    next: e\n"
                + "  e: {type: end}\n";
    }

    @Test
    void aDocumentWithCaptionAndFilenameIsReadAndPasses() {
        String yaml = flow("{type: document, url: \"https://files.example.com/estado/{{debtor.id}}.pdf\", "
                + "filename: estado-de-cuenta.pdf, caption: {es: \"Tu estado de cuenta\", en: \"Your statement\"}}");
        Flow flow = Flows.read(yaml);
        MessageStep step = (MessageStep) flow.steps().get("a");
        assertThat(step.media().type()).isEqualTo("document");
        assertThat(step.media().filename()).isEqualTo("estado-de-cuenta.pdf");
        assertThat(step.media().caption().forLocale("en")).isEqualTo("Your statement");
        assertThat(rule.check(flow, Set.of())).isEmpty();
        assertThat(new FlowValidator().validate(flow, Set.of())).as("a media message needs no text").isEmpty();
    }

    @Test
    void aRelativeImageUrlOnThisServerPasses() {
        assertThat(Flows.check(rule, flow("{type: image, url: /media/qr-pago.png, caption: Código QR}"))).isEmpty();
    }

    @Test
    void anUnknownTypeIsReported() {
        assertThat(Flows.check(rule, flow("{type: video, url: \"https://x.example/v.mp4\"}")))
                .extracting(FlowProblem::code).containsExactly(MediaRule.BAD_TYPE);
    }

    @Test
    void urlsThatAreNotHttpsOrSameOriginAreReported() {
        for (String url : new String[]{"http://x.example/a.png", "javascript:alert(1)", "//evil.example/a.png",
                "data:image/png;base64,AAAA", "https://x.example/a b.png", "", "files/a.png",
                "https://x.example/{{debt.secret}}.png"}) {
            assertThat(Flows.check(rule, flow("{type: image, url: \"" + url + "\"}")))
                    .as(url).extracting(FlowProblem::code).containsExactly(MediaRule.BAD_URL);
        }
    }

    @Test
    void aFilenameOnAnImageOrWithAPathIsReported() {
        assertThat(Flows.check(rule, flow("{type: image, url: /a.png, filename: a.png}")))
                .extracting(FlowProblem::code).containsExactly(MediaRule.BAD_FILENAME);
        assertThat(Flows.check(rule, flow("{type: document, url: /a.pdf, filename: ../../etc/passwd}")))
                .extracting(FlowProblem::code).containsExactly(MediaRule.BAD_FILENAME);
    }

    @Test
    void aCaptionOver1024CharactersOnceFilledInIsReported() {
        String caption = "x".repeat(1000) + " {{debtor.name}}";
        assertThat(Flows.check(rule, flow("{type: image, url: /a.png, caption: \"" + caption + "\"}")))
                .singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo(MediaRule.CAPTION_TOO_LONG);
                    assertThat(p.message()).contains("1024");
                });
        assertThat(Flows.check(rule, flow("{type: image, url: /a.png, caption: \"" + "x".repeat(1024) + "\"}"))).isEmpty();
    }

    @Test
    void aMessageWithNeitherTextNorMediaStillNeedsItsText() {
        assertThat(Flows.check(new RequiredTextRule(), "id: t\nentry: a\nsteps:\n  a: {type: message, next: e}\n  e: {type: end}\n"))
                .extracting(FlowProblem::code).containsExactly(RequiredTextRule.MISSING_TEXT);
    }

    @Test
    void captionPlaceholdersAreCheckedLikeEveryText() {
        assertThat(Flows.check(new TemplateVariablesRule(), flow("{type: image, url: /a.png, caption: \"{{debtor.nickname}}\"}")))
                .extracting(FlowProblem::code).containsExactly(TemplateVariablesRule.UNKNOWN_VARIABLE);
    }
}
