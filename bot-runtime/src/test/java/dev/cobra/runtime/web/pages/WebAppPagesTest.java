package dev.cobra.runtime.web.pages;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The page routes on their own (no application context): SPA fallback, cache and security headers. */
class WebAppPagesTest {

    private final WebAppPages pages = new WebAppPages("https://bank.example");
    private final WebTestClient client = WebTestClient.bindToRouterFunction(pages.webAppPageRoutes()).build();

    @Test
    void aDeepLinkAnswersTheWebchatPageWithoutCaching() {
        assumeBuilt(WebAppPages.CHAT_INDEX);
        client.get().uri("/chat/some.token-123").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/html")
                .expectHeader().valueEquals("Cache-Control", "no-cache")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'").contains("frame-ancestors https://bank.example"))
                .expectBody(String.class).value(html -> assertThat(html).contains("<div id=\"root\">"));
    }

    @Test
    void theAnonymousChatAndTheConsoleAreServedAndBarePathsRedirect() {
        assumeBuilt(WebAppPages.CHAT_INDEX);
        client.get().uri("/chat/").exchange().expectStatus().isOk();
        client.get().uri("/chat").exchange().expectStatus().isEqualTo(HttpStatus.MOVED_PERMANENTLY)
                .expectHeader().location("/chat/");
        client.get().uri("/console/flows/early").exchange().expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("frame-ancestors 'self'"));
        client.get().uri("/console").exchange().expectStatus().isEqualTo(HttpStatus.MOVED_PERMANENTLY);
    }

    @Test
    void theChatPageIsADifferentAppThanTheConsole() {
        assumeBuilt(WebAppPages.CHAT_INDEX);
        String chat = client.get().uri("/chat/").exchange().expectBody(String.class).returnResult().getResponseBody();
        String console = client.get().uri("/console/").exchange().expectBody(String.class).returnResult().getResponseBody();
        assertThat(chat).isNotEqualTo(console).contains("/assets/chat-");
    }

    @Test
    void theDesignerIsItsOwnAppUnderDesigner() {
        assumeBuilt(WebAppPages.DESIGNER_INDEX);
        String designer = client.get().uri("/designer/flows/early").exchange().expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("frame-ancestors 'self'"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(designer).contains("/assets/designer-");
        client.get().uri("/designer").exchange().expectStatus().isEqualTo(HttpStatus.MOVED_PERMANENTLY)
                .expectHeader().location("/designer/");
    }

    private static void assumeBuilt(String location) {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new org.springframework.core.io.ClassPathResource(location).exists(),
                "designer-ui was built with -Dskip.npm=true: no bundled pages on the classpath");
    }
}
