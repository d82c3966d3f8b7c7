package org.opensalw.tracing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An answer to a tracing request, as sent and as received. {@code permittedUse} is the use the answer may serve (ITI
 * para 23: answers stay confidential and serve the stated use); {@code restrictionReason} says why a restricted answer
 * is restricted. {@code originEstablished} is the answering state's word that the point of diversion is known (it
 * counts for SDG 16.4.2 on the requesting side).
 */
public record TraceAnswer(Outcome outcome, boolean originEstablished, String findings, String restrictionReason,
        String permittedUse, String manufacturer, String countryOfManufacture, Integer yearOfManufacture,
        Holder lastLegalHolder, Diversion pointOfDiversion, List<HistoryLine> history, Instant answeredAt, String answeredBy) {

    public TraceAnswer {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** The last lawful holder on record: the point of diversion follows them. */
    public record Holder(String name, String kind, String country) {
    }

    /** Where the weapon left lawful hands, as far as the record shows (lost, stolen, exported, ...). */
    public record Diversion(String event, LocalDate on, String place, String country) {
    }

    /** One line of the weapon's lawful history as the answering state's register holds it. */
    public record HistoryLine(String event, LocalDate on, String place, String country, String holder) {
    }
}
