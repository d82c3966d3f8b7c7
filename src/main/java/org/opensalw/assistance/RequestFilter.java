package org.opensalw.assistance;

/** Narrows the list of requests; null fields do not narrow. */
public record RequestFilter(String country, String region, Area area, RequestStatus status) {

    public static RequestFilter all() {
        return new RequestFilter(null, null, null, null);
    }
}
