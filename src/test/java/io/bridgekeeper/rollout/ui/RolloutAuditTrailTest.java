package io.bridgekeeper.rollout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.base.ui.Words;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The rollout page's audit trail in words instead of the stored JSON. */
class RolloutAuditTrailTest {

    @Test
    void an_automatic_pause_reads_as_its_reason_and_the_guards_numbers() {
        assertThat(RolloutAuditTrail.details(Words.of(Locale.ENGLISH), """
                {"state": "PAUSED", "reason": "error rate over 2 %", "at": "2026-12-04T10:00:00Z",
                 "evidence": {"deliveries": 1200, "errors": 60, "errorRate": 0.05, "isolationViolations": 0,
                              "silentSeconds": 30, "bakedSeconds": 400}}"""))
                .isEqualTo("“error rate over 2 %” · the guards saw 1,200 deliveries, 60 errors (5.00 %), "
                        + "0 isolation violations, 30 s without telemetry, 6 min 40 s baked");
    }

    @Test
    void an_advance_a_rollback_and_a_completion_read_as_what_they_did() {
        assertThat(RolloutAuditTrail.details(Words.of(Locale.ENGLISH), "{\"state\": \"RUNNING\", \"stage\": 2, \"percent\": 25}"))
                .isEqualTo("25 % of devices (stage 2)");
        assertThat(RolloutAuditTrail.details(Words.of(Locale.ENGLISH), "{\"state\": \"ROLLED_BACK\", \"percent\": 0, \"version\": \"1.0\"}"))
                .isEqualTo("0 % of devices · back on 1.0");
        assertThat(RolloutAuditTrail.details(Words.of(Locale.ENGLISH), "{\"state\": \"COMPLETED\", \"percent\": 100, \"stableVersion\": \"2.0\"}"))
                .isEqualTo("100 % of devices · 2.0 is the stable version");
        assertThat(RolloutAuditTrail.details(Words.of(Locale.ENGLISH), null)).isEmpty();
    }

    @Test
    void in_german_the_numbers_are_grouped_the_german_way() {
        assertThat(RolloutAuditTrail.details(Words.of(Locale.GERMAN), """
                {"evidence": {"deliveries": 1200, "errors": 60, "errorRate": 0.05, "isolationViolations": 0,
                              "silentSeconds": 30, "bakedSeconds": 400}}"""))
                .isEqualTo("die Schutzregeln sahen 1.200 Auslieferungen, 60 Fehler (5,00 %), 0 Isolationsverletzungen, "
                        + "30 s ohne Telemetrie, 6 min 40 s gereift");
    }
}
