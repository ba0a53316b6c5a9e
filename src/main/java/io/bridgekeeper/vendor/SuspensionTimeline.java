package io.bridgekeeper.vendor;

import io.bridgekeeper.audit.IncidentTimelineSource;
import io.bridgekeeper.base.Translations;
import java.util.Locale;
import io.bridgekeeper.audit.TimelineEntry;
import io.bridgekeeper.vendor.VendorStore.Applied;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** For an incident's timeline: when each node applied (or lifted) the vendor's suspensions. */
@Component
class SuspensionTimeline implements IncidentTimelineSource {

    private final VendorStore store;

    SuspensionTimeline(VendorStore store) {
        this.store = store;
    }

    @Override
    public List<TimelineEntry> entries(long vendorId, Instant since) {
        return entries(vendorId, since, Translations.ENGLISH);
    }

    @Override
    public List<TimelineEntry> entries(long vendorId, Instant since, Locale locale) {
        return store.appliedSince(vendorId, since.minusSeconds(1)).stream()
                .map(a -> new TimelineEntry(a.appliedAt(), "SUSPENDED".equals(a.change()) ? "APPLIED_ON_NODE"
                        : "LIFTED_ON_NODE", Translations.bundled().get(locale, "vendor.timeline.node", a.nodeId()),
                        text(a, locale)))
                .toList();
    }

    private static String text(Applied a, Locale locale) {
        Translations words = Translations.bundled();
        boolean suspended = "SUSPENDED".equals(a.change());
        Instant from = suspended ? a.suspendedAt() : a.liftedAt();
        String key = suspended ? "vendor.timeline.applied" : "vendor.timeline.resumed";
        return from == null ? words.get(locale, key, a.nodeId())
                : words.get(locale, key + "-after", a.nodeId(), Duration.between(from, a.appliedAt()).toMillis());
    }
}
