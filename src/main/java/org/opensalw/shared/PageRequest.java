package org.opensalw.shared;

/** A page of a list: zero-based page number and page size, bounded so that no request can ask for millions. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;

    public PageRequest {
        page = Math.max(page, 0);
        size = size <= 0 ? 50 : Math.min(size, MAX_SIZE);
    }

    public long offset() {
        return (long) page * size;
    }
}
