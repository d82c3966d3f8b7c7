package org.opensalw.assistance;

import java.util.UUID;

public record RequestId(@com.fasterxml.jackson.annotation.JsonValue UUID value) {

    @com.fasterxml.jackson.annotation.JsonCreator
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
