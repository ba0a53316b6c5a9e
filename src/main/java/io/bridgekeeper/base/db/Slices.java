package io.bridgekeeper.base.db;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;

/**
 * Lazy grids page without counting: a query fetches one row more than the page shows, and that
 * extra row only says whether another page follows.
 */
public final class Slices {

    private Slices() {
    }

    /** How many rows to fetch for this page. */
    public static int fetchSize(Pageable page) {
        return page.getPageSize() + 1;
    }

    /**
     * Ends a query ordered by {@code idColumn}, newest first, with one page: after {@code afterId} when it
     * is set (keyset: an index on the order reads only the page), else by the page's offset.
     */
    public static void orderNewestFirst(String idColumn, Pageable page, Long afterId, StringBuilder sql,
                                        List<Object> args) {
        if (afterId != null) {
            sql.append(" and ").append(idColumn).append(" < ?");
            args.add(afterId);
        }
        sql.append(" order by ").append(idColumn).append(" desc limit ?");
        args.add(fetchSize(page));
        if (afterId == null) {
            sql.append(" offset ?");
            args.add(page.getOffset());
        }
    }

    /** The page of rows fetched with {@link #fetchSize(Pageable)}. */
    public static <T> Slice<T> of(List<T> rows, Pageable page) {
        boolean more = rows.size() > page.getPageSize();
        return new SliceImpl<>(more ? List.copyOf(rows.subList(0, page.getPageSize())) : rows, page, more);
    }
}
