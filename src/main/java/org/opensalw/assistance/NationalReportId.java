package org.opensalw.assistance;

import java.util.UUID;

public record NationalReportId(@com.fasterxml.jackson.annotation.JsonValue UUID value) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public NationalReportId {
        java.util.Objects.requireNonNull(value, "NationalReportId");
    }

    public static NationalReportId random() {
        return new NationalReportId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
