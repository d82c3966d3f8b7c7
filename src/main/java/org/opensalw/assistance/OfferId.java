package org.opensalw.assistance;

import java.util.UUID;

public record OfferId(UUID value) {

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
