package io.bridgekeeper.vendor.ui;

import static io.bridgekeeper.base.ui.Words.t;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.base.ui.SearchHit;
import io.bridgekeeper.base.ui.SearchProvider;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Role;
import io.bridgekeeper.vendor.VendorFilter;
import io.bridgekeeper.vendor.VendorService;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** The header's search for vendors by name or slug: every vendor for admins, their own for partner managers. */
@Component
class VendorSearch implements SearchProvider {

    private final VendorService vendors;
    private final CurrentUser currentUser;

    VendorSearch(VendorService vendors, CurrentUser currentUser) {
        this.vendors = vendors;
        this.currentUser = currentUser;
    }

    @Override
    public List<SearchHit> search(String text, int limit) {
        if (currentUser.isAdmin()) {
            return vendors.search(new VendorFilter(text, null), PageRequest.of(0, limit)).stream().limit(limit)
                    .map(v -> hit(v.id(), v.name(), v.slug(), Words.label(v.status()))).toList();
        }
        if (currentUser.get().map(a -> a.has(Role.PARTNER_MANAGER)).orElse(false)) {
            String t = text.toLowerCase(Locale.ROOT);
            return vendors.myVendors().stream()
                    .filter(v -> v.name().toLowerCase(Locale.ROOT).contains(t) || v.slug().contains(t)).limit(limit)
                    .map(v -> hit(v.id(), v.name(), v.slug(), Words.label(v.status()))).toList();
        }
        return List.of();
    }

    private static SearchHit hit(long id, String name, String slug, String status) {
        return new SearchHit(t("vendor.vendor"), name, slug + " · " + status, "vendors/" + id);
    }
}
