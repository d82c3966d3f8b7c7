package org.opensalw.assistance;

import java.util.UUID;

public record CallId(@com.fasterxml.jackson.annotation.JsonValue UUID value) {

    @com.fasterxml.jackson.annotation.JsonCreator
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
