package org.opensalw.assistance;

import java.util.UUID;

public record ExpertId(@com.fasterxml.jackson.annotation.JsonValue UUID value) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public ExpertId {
        java.util.Objects.requireNonNull(value, "ExpertId");
    }

    public static ExpertId random() {
        return new ExpertId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
