package io.bridgekeeper.base.ui;

/**
 * A count beside a menu entry: how many things wait there for the signed-in person (approvals, for
 * one). A module offers one as a bean; the main layout asks it again at every navigation.
 */
public interface MenuBadge {

    /** The menu entry's route path, as in its {@code @Route} ({@code "admin"}). */
    String path();

    /** What waits there for the signed-in person; 0 shows no badge. Must not fail for any role. */
    long count();

    /** Whether this change may change the count: the menu then asks again while the person looks at any page. */
    default boolean follows(PortalChange change) {
        return false;
    }
}
