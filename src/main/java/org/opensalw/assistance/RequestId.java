package org.opensalw.assistance;

import java.util.UUID;

public record RequestId(UUID value) {

    public RequestId {
        java.util.Objects.requireNonNull(value, "RequestId");
    }

    public static RequestId random() {
        return new RequestId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
