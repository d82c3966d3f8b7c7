package org.opensalw.assistance;

import java.util.UUID;

public record AssessmentId(UUID value) {

    public AssessmentId {
        java.util.Objects.requireNonNull(value, "AssessmentId");
    }

    public static AssessmentId random() {
        return new AssessmentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
