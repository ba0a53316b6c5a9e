package io.bridgekeeper.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

class KeysetPagesTest {

    /** Ids 1000 down to 1, filtered by a minimum; records how each page was asked for. */
    static final class Table implements KeysetPages.Source<Long> {
        long min = 1;
        final List<String> asked = new ArrayList<>();

        @Override
        public List<Long> rows(Pageable page, Long afterId) {
            asked.add(afterId == null ? "offset " + page.getOffset() : "after " + afterId);
            LongStream ids = LongStream.iterate(1000, i -> i >= min, i -> i - 1);
            ids = afterId == null ? ids.skip(page.getOffset()) : ids.filter(i -> i < afterId);
            return ids.limit(page.getPageSize()).boxed().toList();
        }
    }

    final KeysetPages<String, Long> pages = new KeysetPages<>(id -> id);
    final Table table = new Table();

    @Test
    void scrolling_on_continues_from_the_last_id_of_the_previous_page() {
        assertThat(pages.page("all", PageRequest.of(0, 50), table)).startsWith(1000L).endsWith(951L);
        assertThat(pages.page("all", PageRequest.of(1, 50), table)).startsWith(950L).endsWith(901L);
        assertThat(pages.page("all", PageRequest.of(2, 50), table)).startsWith(900L).endsWith(851L);
        assertThat(table.asked).containsExactly("offset 0", "after 951", "after 901");
    }

    @Test
    void a_jump_is_read_by_offset_once_and_scrolling_on_from_there_is_by_key() {
        pages.page("all", PageRequest.of(0, 50), table);
        assertThat(pages.page("all", PageRequest.of(10, 50), table)).startsWith(500L).endsWith(451L);
        assertThat(pages.page("all", PageRequest.of(11, 50), table)).startsWith(450L);
        // back up to a page that was read before: its start is a remembered end
        assertThat(pages.page("all", PageRequest.of(1, 50), table)).startsWith(950L);
        assertThat(table.asked).containsExactly("offset 0", "offset 500", "after 451", "after 951");
    }

    @Test
    void a_new_filter_forgets_the_remembered_ends() {
        pages.page("all", PageRequest.of(0, 50), table);
        pages.page("all", PageRequest.of(1, 50), table);
        table.min = 900;
        assertThat(pages.page("from 900", PageRequest.of(1, 50), table)).startsWith(950L).endsWith(901L);
        assertThat(table.asked).containsExactly("offset 0", "after 951", "offset 50");
    }

    @Test
    void forgetting_after_a_refresh_reads_the_next_page_by_offset() {
        pages.page("all", PageRequest.of(0, 50), table);
        pages.forget();
        pages.page("all", PageRequest.of(1, 50), table);
        assertThat(table.asked).containsExactly("offset 0", "offset 50");
    }

    @Test
    void pages_read_by_key_are_the_pages_read_by_offset() {
        List<Long> byKey = new ArrayList<>();
        List<Long> byOffset = new ArrayList<>();
        Table plain = new Table();
        for (int p = 0; p < 25; p++) {
            byKey.addAll(pages.page("all", PageRequest.of(p, 45), table));
            byOffset.addAll(plain.rows(PageRequest.of(p, 45), null));
        }
        assertThat(byKey).hasSize(1000).doesNotHaveDuplicates().isEqualTo(byOffset);
    }
}
