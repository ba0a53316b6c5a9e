package io.bridgekeeper.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.canary.CanaryAuditAction;
import io.bridgekeeper.decision.DecisionAuditAction;
import io.bridgekeeper.device.DeviceAuditAction;
import io.bridgekeeper.link.LinkAuditAction;
import io.bridgekeeper.rollout.RolloutAuditAction;
import io.bridgekeeper.secrets.SecretsAuditAction;
import io.bridgekeeper.vendor.VendorAuditAction;
import io.bridgekeeper.webhook.WebhookAuditAction;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every audit action is a constant of the module that performs it, and no two modules share a name. */
class AuditActionsTest {

    private static final List<Class<? extends Enum<?>>> ENUMS = List.of(VendorAuditAction.class,
            RolloutAuditAction.class, WebhookAuditAction.class, IncidentAuditAction.class, DecisionAuditAction.class,
            LinkAuditAction.class, DeviceAuditAction.class, CanaryAuditAction.class, SecretsAuditAction.class);

    @Test
    void no_two_modules_record_the_same_action_name() {
        List<String> names = ENUMS.stream().flatMap(e -> Arrays.stream(e.getEnumConstants()).map(Enum::name)).toList();
        assertThat(names).isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    void the_incident_timeline_narrates_actions_that_exist() {
        // IncidentTimeline (audit) reads these by name: the audit module cannot import the modules that record them
        assertThat(Stream.of("ROLLOUT_HALTED", "ROLLOUT_ROLLED_BACK", "ROLLOUT_PAUSED")
                .map(RolloutAuditAction::valueOf)).hasSize(3);
        assertThat(Stream.of("VENDOR_SUSPENDED", "VENDOR_RESUME_REQUESTED", "VENDOR_RESUMED")
                .map(VendorAuditAction::valueOf)).hasSize(3);
    }
}
