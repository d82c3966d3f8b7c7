package org.opensalw.assistance;

import java.util.UUID;

public record ExpertId(UUID value) {

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
