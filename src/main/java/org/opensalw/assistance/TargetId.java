package org.opensalw.assistance;

import java.util.UUID;

public record TargetId(@com.fasterxml.jackson.annotation.JsonValue UUID value) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public TargetId {
        java.util.Objects.requireNonNull(value, "TargetId");
    }

    public static TargetId random() {
        return new TargetId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
