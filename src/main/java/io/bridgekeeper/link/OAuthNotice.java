package io.bridgekeeper.link;

import io.bridgekeeper.base.Refusal;

/**
 * What My home tells the household once it is back from the vendor's sign-in: linked (with how many
 * devices the vendor listed) or why nothing changed. Kept in the household's session for one showing.
 */
public record OAuthNotice(boolean linked, String vendorName, int devices, Refusal problem) {

    /** The session attribute the notice waits in until My home shows it. */
    public static final String SESSION_ATTRIBUTE = OAuthNotice.class.getName();
}
