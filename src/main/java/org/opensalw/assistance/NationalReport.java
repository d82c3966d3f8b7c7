package org.opensalw.assistance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A PoA / ITI national report as structured data by area (report para 42). */
public record NationalReport(NationalReportId id, String country, Instrument instrument, int year, String status,
        List<Section> sections, String createdBy, Instant submittedAt) {

    /** One area of the report; a {@code need} stated here becomes an assistance request when the report is submitted. */
    public record Section(Area area, String narrative, String need, BigDecimal needCost) {
    }
}
