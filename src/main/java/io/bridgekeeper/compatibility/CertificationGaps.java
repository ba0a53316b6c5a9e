package io.bridgekeeper.compatibility;

import io.bridgekeeper.base.Translations;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.rollout.ApprovalCheck;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Before a rollout is approved: the model and surface pairs certified for the version households have now and not
 * for the one the rollout brings. Households keep them working only if an admin certifies the new version too.
 */
@Component
class CertificationGaps implements ApprovalCheck {

    private final CompatibilityStore store;

    CertificationGaps(CompatibilityStore store) {
        this.store = store;
    }

    @Override
    public List<String> warnings(long vendorId, long fromVersionId, long toVersionId, Locale locale) {
        List<String[]> gaps = store.certifiedOnlyFor(vendorId, fromVersionId, toVersionId);
        if (gaps.isEmpty()) {
            return List.of();
        }
        Words words = Words.of(locale);
        String pairs = String.join(", ", gaps.stream().map(p -> words.get("compatibility.pair", p[0],
                Translations.bundled().orElse(locale, "compatibility.surface." + p[2], p[1]))).toList());
        String to = store.version(toVersionId).map(CompatibilityStore.Version::label).orElse("?");
        return List.of(words.get("compatibility.rollout-warning", String.valueOf(gaps.size()), pairs, to));
    }
}
