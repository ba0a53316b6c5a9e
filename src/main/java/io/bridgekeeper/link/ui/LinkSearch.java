package io.bridgekeeper.link.ui;

import static io.bridgekeeper.base.ui.Words.t;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.base.ui.SearchHit;
import io.bridgekeeper.base.ui.SearchProvider;
import io.bridgekeeper.link.LinkService;
import io.bridgekeeper.security.CurrentUser;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The header's search for links, and so for households: by a household's e-mail or the vendor's account
 * id, as the links grid searches (partner managers: their vendors' links, whole e-mail addresses only).
 */
@Component
class LinkSearch implements SearchProvider {

    private final LinkService links;
    private final CurrentUser currentUser;

    LinkSearch(LinkService links, CurrentUser currentUser) {
        this.links = links;
        this.currentUser = currentUser;
    }

    @Override
    public List<SearchHit> search(String text, int limit) {
        if (!currentUser.isStaff()) {
            return List.of();
        }
        return links.search(text, PageRequest.of(0, limit)).stream().limit(limit).map(l -> new SearchHit(t("link.search.kind"),
                l.accountEmail() + " · " + l.vendorName(), t("link.search.detail", l.externalAccountId(),
                Words.label(l.status())), "links/" + l.id())).toList();
    }
}
