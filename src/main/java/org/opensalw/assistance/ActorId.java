package org.opensalw.assistance;

import java.util.UUID;

public record ActorId(@com.fasterxml.jackson.annotation.JsonValue UUID value) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public ActorId {
        java.util.Objects.requireNonNull(value, "ActorId");
    }

    public static ActorId random() {
        return new ActorId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
