package org.opensalw.assistance;

import java.util.UUID;

public record OfferId(@com.fasterxml.jackson.annotation.JsonValue UUID value) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public OfferId {
        java.util.Objects.requireNonNull(value, "OfferId");
    }

    public static OfferId random() {
        return new OfferId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
