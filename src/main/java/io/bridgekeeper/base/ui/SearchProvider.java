package io.bridgekeeper.base.ui;

import java.util.List;

/**
 * Part of the header's search, offered by the module that owns what it finds (vendors, links,
 * devices). It answers only what the signed-in person may open (another vendor's link is never a hit)
 * and, for a role it does not serve, nothing: it must not fail.
 */
public interface SearchProvider {

    /** At most {@code limit} matches for the text the person typed (at least two characters, stripped). */
    List<SearchHit> search(String text, int limit);
}
