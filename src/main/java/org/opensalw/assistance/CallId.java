package org.opensalw.assistance;

import java.util.UUID;

public record CallId(UUID value) {

    public CallId {
        java.util.Objects.requireNonNull(value, "CallId");
    }

    public static CallId random() {
        return new CallId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
