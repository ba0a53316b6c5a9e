package io.bridgekeeper.base;

/** What the portal frame shows of the signed-in person. */
public interface PortalUser {

    String displayName();

    String roleLabel();

    /** The translation key of the role's name (see {@code base.Translations}). */
    String roleKey();
}
