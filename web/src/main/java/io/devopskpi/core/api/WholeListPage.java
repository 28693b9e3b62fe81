package io.devopskpi.core.api;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.OptionalInt;

/**
 * Paging of the lists that hold contracts and organisation rather than activity (assignments, targets, surveys,
 * policies, suppliers; api.md, Conventions): {@code offset} and {@code limit} as on every list, but without a
 * {@code limit} every item from {@code offset} on is listed, as these lists did before they paged.
 */
record WholeListPage(int offset, OptionalInt limit) {
    static final WholeListPage ALL = new WholeListPage(0, OptionalInt.empty());

    /** The items of this page, in their order. */
    <T> List<T> of(List<T> items) {
        int from = Math.min(offset, items.size());
        int to = limit.isPresent() ? Math.min(items.size(), from + limit.getAsInt()) : items.size();
        return items.subList(from, to);
    }

    /**
     * Adds {@code total}, {@code offset} and {@code limit} to an answer listing {@code listed} of {@code total}
     * items; without a requested limit, {@code limit} is the number listed.
     */
    JsonObject described(JsonObject answer, int total, int listed) {
        answer.addProperty("total", total);
        answer.addProperty("offset", offset);
        answer.addProperty("limit", limit.orElse(listed));
        return answer;
    }
}
