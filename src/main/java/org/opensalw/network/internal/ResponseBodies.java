package org.opensalw.network.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * What a peer (or whatever answers at its address) sends back is read with a bound: a body of gigabytes, or one that
 * never ends, would otherwise fill the heap or hold the thread reading it.
 */
final class ResponseBodies {

    /** More than any answer a node gives: an inbox acknowledgement, a refusal, its key set. */
    static final int LIMIT = 64 * 1024;

    /** The first {@link #LIMIT} bytes of a body as text, and whether there was more (left unread). */
    record Body(String text, boolean cut) {
    }

    private ResponseBodies() {
    }

    /** Reads at most {@link #LIMIT} bytes (and one more, to know), then closes the body: the rest is never read. */
    static Body read(HttpResponse<InputStream> response) throws IOException {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(LIMIT + 1);
            return new Body(new String(bytes, 0, Math.min(bytes.length, LIMIT), StandardCharsets.UTF_8), bytes.length > LIMIT);
        }
    }
}
