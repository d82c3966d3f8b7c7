package org.opensalw.tracing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.opensalw.tracing.Sdg1642;
import org.opensalw.tracing.TracingStatistics;
import org.springframework.http.HttpHeaders;

/** A reporting period of SDG 16.4.2: a calendar year (this year by default) or a custom range. */
record SdgPeriod(Integer year, LocalDate from, LocalDate to) {

    static SdgPeriod of(Integer year, LocalDate from, LocalDate to, Clock clock) {
        if (from != null || to != null) {
            return new SdgPeriod(null, from, to);
        }
        int y = year != null ? year : LocalDate.now(clock).getYear();
        return new SdgPeriod(y, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
    }

    /** The indicator for this period as a CSV download (the page's link and the API answer the same). */
    void writeCsv(TracingStatistics statistics, HttpServletResponse response) throws IOException {
        Sdg1642 report = statistics.sdg1642(from, to);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sdg-16-4-2-" + from + "-" + to + ".csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        statistics.writeCsv(report, response.getWriter());
    }
}
