package dev.cobra.runtime.channel.sms;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

import java.util.concurrent.TimeoutException;

/**
 * Twilio's Messages API: {@code POST {base-url}/2010-04-01/Accounts/{sid}/Messages.json}, form fields {@code To},
 * {@code From}, {@code Body}, {@code StatusCallback}, HTTP Basic {@code sid:token}. A 4xx answer is permanent (bad
 * number, unverified sender: sending again would fail the same way); 5xx, 429, timeouts and connection errors are
 * transient.
 */
public class TwilioSmsProvider implements SmsProvider {

    private final SmsProperties properties;
    private final WebClient http;

    public TwilioSmsProvider(SmsProperties properties, WebClient.Builder webClients) {
        this.properties = properties;
        this.http = webClients.clone().baseUrl(properties.baseUrl()).build();
    }

    @Override
    public Mono<Receipt> send(String to, String body, String statusCallback) {
        if (!properties.sendingConfigured()) {
            return Mono.error(new SmsSendException(true, "not_configured",
                    "bot.sms.account-sid, auth-token and from must be set"));
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", to);
        form.add("From", properties.from());
        form.add("Body", body);
        if (statusCallback != null) {
            form.add("StatusCallback", statusCallback);
        }
        return http.post()
                .uri("/2010-04-01/Accounts/{sid}/Messages.json", properties.accountSid())
                .headers(h -> h.setBasicAuth(properties.accountSid(), properties.authToken()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromFormData(form))
                .exchangeToMono(response -> response.bodyToMono(JsonNode.class)
                        .defaultIfEmpty(com.fasterxml.jackson.databind.node.NullNode.getInstance())
                        .flatMap(json -> {
                            int status = response.statusCode().value();
                            if (response.statusCode().is2xxSuccessful() && json.hasNonNull("sid")) {
                                return Mono.just(new Receipt(json.get("sid").asText(),
                                        json.path("status").asText("queued")));
                            }
                            boolean permanent = status >= 400 && status < 500 && status != 429;
                            String code = json.hasNonNull("code") ? "twilio_" + json.get("code").asText() : "http_" + status;
                            return Mono.error(new SmsSendException(permanent, code,
                                    "Twilio answered " + status + " " + json.path("message").asText("")));
                        }))
                .timeout(properties.timeout())
                .onErrorMap(TimeoutException.class, e -> new SmsSendException(false, "timeout", "Twilio did not answer in time"))
                .onErrorMap(WebClientRequestException.class, e -> new SmsSendException(false, "unreachable",
                        "Twilio could not be reached: " + e.getClass().getSimpleName()));
    }
}
