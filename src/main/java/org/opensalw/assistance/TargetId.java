package org.opensalw.assistance;

import java.util.UUID;

public record TargetId(UUID value) {

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
