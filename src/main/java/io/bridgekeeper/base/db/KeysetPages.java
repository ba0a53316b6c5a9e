package io.bridgekeeper.base.db;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;
import org.springframework.data.domain.Pageable;

/**
 * A lazy grid's memory of where its fetched ranges ended, so a scrolling user's next page is read by key
 * ({@code id < last id seen}) instead of by offset: an offset makes the database walk past every earlier
 * row, so page 10,000 would cost 10,000 times page 1. Grids ask for (offset, limit) ranges, mostly one
 * after another; a range that starts where a remembered one ended continues from that range's last id.
 * A jump (the scrollbar dragged far) has no remembered start and is read by offset once; its end is
 * remembered, so scrolling on from there is by key again. A new filter, or {@link #forget()} (wire it to
 * the data provider's refresh), starts over: rows may have come or gone, and old ends would skip or repeat
 * rows.
 *
 * <p>Only for grids ordered by a unique id, newest (highest) first. One instance per grid (per UI):
 * it is not shared between users.
 *
 * @param <F> the grid's filter, compared with {@code equals}
 * @param <T> the row type
 */
public final class KeysetPages<F, T> {

    /** Bounds the memory of a grid scrolled for a long time; past it, older ends are dropped. */
    private static final int MAX_REMEMBERED = 10_000;

    /** Reads one page: by offset when {@code afterId} is null, else the page's rows after that id. */
    @FunctionalInterface
    public interface Source<T> {
        List<T> rows(Pageable page, Long afterId);
    }

    private final ToLongFunction<T> idOf;
    private final Map<Long, Long> lastIdByEnd = new HashMap<>();
    private F filter;

    public KeysetPages(ToLongFunction<T> idOf) {
        this.idOf = idOf;
    }

    /** The rows of {@code page} under {@code filter}, by key when the page starts where a fetched one ended. */
    public synchronized List<T> page(F filter, Pageable page, Source<T> source) {
        if (!Objects.equals(this.filter, filter)) {
            lastIdByEnd.clear();
            this.filter = filter;
        }
        long offset = page.getOffset();
        Long after = offset == 0 ? null : lastIdByEnd.get(offset);
        List<T> rows = source.rows(page, after);
        if (!rows.isEmpty()) {
            if (lastIdByEnd.size() >= MAX_REMEMBERED) {
                lastIdByEnd.clear();
            }
            lastIdByEnd.put(offset + rows.size(), idOf.applyAsLong(rows.getLast()));
        }
        return rows;
    }

    /** Forgets every remembered end: the rows may have changed. */
    public synchronized void forget() {
        lastIdByEnd.clear();
    }
}
