package org.opensalw.assistance;

import java.util.UUID;

public record ProjectId(UUID value) {

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
