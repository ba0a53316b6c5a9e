package io.bridgekeeper.audit.ui;

import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.audit.IncidentState;
import io.bridgekeeper.audit.Severity;
import io.bridgekeeper.base.ui.Badge;

final class IncidentBadges {

    private IncidentBadges() {
    }

    static Badge state(IncidentState state) {
        Badge badge = new Badge(Words.label(state), switch (state) {
            case OPEN -> "error";
            case ACKNOWLEDGED -> "warning";
            case RESOLVED -> "success";
        });
        badge.addClassName("incident-state");
        return badge;
    }

    static Badge severity(Severity severity) {
        Badge badge = new Badge(severity.name(), switch (severity) {
            case SEV1 -> "contrast";
            case SEV2 -> "error";
            case SEV3 -> "neutral";
        });
        badge.addClassName("incident-severity");
        return badge;
    }
}
