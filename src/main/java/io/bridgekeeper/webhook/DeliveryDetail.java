package io.bridgekeeper.webhook;

import io.bridgekeeper.base.Translations;
import java.util.Locale;
import java.time.Instant;
import java.util.List;

/**
 * One webhook delivery as its detail shows it: its state, the payload exactly as sent, and every attempt
 * with the vendor's answer (the HTTP status class, or why nothing came back), from the audit log.
 */
public record DeliveryDetail(DeliveryState state, String payload, List<Attempt> attempts) {

    /**
     * One step of the delivery's story (queued, an attempt and its result, acknowledged, redelivered), as
     * recorded: the audit action, who acted, the attempt's number and the vendor's answer; worded in a
     * language on demand.
     */
    public record Attempt(Instant at, String action, String actor, String attempt, String answer) {

        public String what(Locale locale) {
            return Translations.bundled().orElse(locale, "webhook.step." + action, action, actor);
        }

        public String result(Locale locale) {
            Translations words = Translations.bundled();
            String number = attempt == null ? null : words.get(locale, "webhook.step.attempt", attempt);
            String answered = answer == null ? null : words.get(locale, "webhook.step.answered", answer);
            return number != null && answered != null ? number + ", " + answered
                    : number != null ? number : answered != null ? answered : "";
        }

        /** In English (the logs, the tests). */
        public String what() {
            return what(Translations.ENGLISH);
        }

        public String result() {
            return result(Translations.ENGLISH);
        }
    }
}
