package org.opensalw.tracing;

import java.util.UUID;
import org.opensalw.shared.UserFacingException;

/** A tracing request on this node (outgoing or incoming). */
public record TraceId(UUID value) {

    public static TraceId parse(String text) {
        try {
            return new TraceId(UUID.fromString(text.trim()));
        } catch (RuntimeException e) {
            throw UserFacingException.notFound("tracing request", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
