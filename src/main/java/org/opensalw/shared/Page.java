package org.opensalw.shared;

import java.util.List;
import java.util.function.Function;

/** One page of results; {@code hasNext} says whether another page follows (no costly count on big tables). */
public record Page<T>(List<T> items, int page, int size, boolean hasNext) {

    /** Builds a page from a query that fetched one row more than the page size. */
    public static <T> Page<T> of(List<T> fetched, PageRequest request) {
        boolean more = fetched.size() > request.size();
        return new Page<>(more ? fetched.subList(0, request.size()) : fetched, request.page(), request.size(), more);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, hasNext);
    }
}
