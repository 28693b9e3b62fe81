package io.devopskpi.core.query;

import java.util.List;
import java.util.Objects;

/** One page of a list: its items, how many items the whole list has, and the page asked for. */
public record ResultPage<T>(List<T> items, long total, Page page) {
    public ResultPage {
        items = List.copyOf(items);
        Objects.requireNonNull(page, "page");
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative: " + total);
        }
    }

    /** The slice of a list already held in memory (computed lists such as failed changes). */
    public static <T> ResultPage<T> of(List<T> all, Page page) {
        int from = (int) Math.min(all.size(), (long) page.offset());
        int to = (int) Math.min(all.size(), (long) from + page.limit());
        return new ResultPage<>(all.subList(from, to), all.size(), page);
    }
}
