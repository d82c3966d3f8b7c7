package org.opensalw.assistance;

import java.util.UUID;

public record AssessmentId(@com.fasterxml.jackson.annotation.JsonValue UUID value) {

    @com.fasterxml.jackson.annotation.JsonCreator
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
