package io.bridgekeeper.decision;

/**
 * A link as decisions need it. Devices hold on to the entry they looked up; when the link changes
 * (or {@link DecisionState}'s link cache lets the entry go) it is marked {@link #superseded} and removed
 * from the cache, so the next resolve of any of its devices looks it up again.
 */
final class LinkEntry {
    final long id;
    final long accountId;
    final boolean live;
    final int epoch;
    /** The vendor refused to refresh the link's tokens: live, but refused until the household links again. */
    final boolean needsRelink;
    volatile boolean superseded;

    LinkEntry(long id, long accountId, boolean live, int epoch, boolean needsRelink) {
        this.id = id;
        this.accountId = accountId;
        this.live = live;
        this.epoch = epoch;
        this.needsRelink = needsRelink;
    }
}
