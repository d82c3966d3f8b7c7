package org.opensalw.assistance;

import java.util.UUID;

public record ProjectId(@com.fasterxml.jackson.annotation.JsonValue UUID value) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public ProjectId {
        java.util.Objects.requireNonNull(value, "ProjectId");
    }

    public static ProjectId random() {
        return new ProjectId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
