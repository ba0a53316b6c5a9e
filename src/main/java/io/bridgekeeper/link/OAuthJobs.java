package io.bridgekeeper.link;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The OAuth links' background work, each once across the nodes ({@link TokenMaintenance} takes a
 * ShedLock lock): refreshing tokens before they expire, pulling devices (on the vendor's hint, and every
 * {@code bridgekeeper.oauth.pull-interval}), and revoking unlinked accounts' tokens at the vendor.
 * Tests switch the refresh and pull ticks off ({@code bridgekeeper.oauth.scheduler-enabled=false})
 * and call {@link TokenMaintenance} with a time of their choosing.
 */
@Component
class OAuthJobs {

    private final TokenMaintenance maintenance;
    private final Clock clock;
    private final boolean enabled;
    private final Duration pullInterval;

    OAuthJobs(TokenMaintenance maintenance, Clock clock,
              @Value("${bridgekeeper.oauth.scheduler-enabled:true}") boolean enabled,
              @Value("${bridgekeeper.oauth.pull-interval:PT15M}") Duration pullInterval) {
        this.maintenance = maintenance;
        this.clock = clock;
        this.enabled = enabled;
        this.pullInterval = pullInterval;
    }

    @Scheduled(fixedDelayString = "${bridgekeeper.oauth.refresh-tick:PT30S}", initialDelayString = "PT20S")
    void refresh() {
        if (enabled) {
            maintenance.refreshDue(clock.instant());
        }
    }

    @Scheduled(fixedDelayString = "${bridgekeeper.oauth.pull-tick:PT10S}", initialDelayString = "PT20S")
    void pull() {
        if (enabled) {
            maintenance.pullDue(clock.instant(), pullInterval);
        }
    }

    /** Revocations are never switched off: an unlinked account's tokens must not outlive the unlink. */
    @Scheduled(fixedDelayString = "${bridgekeeper.oauth.revocation-tick:PT1S}", initialDelayString = "PT5S")
    void revoke() {
        maintenance.revokeDue(clock.instant());
    }
}
