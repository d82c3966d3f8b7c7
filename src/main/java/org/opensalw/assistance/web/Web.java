package org.opensalw.assistance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opensalw.shared.UserFacingException;

/** Small helpers shared by the module's pages: reading amounts and lists from forms, writing CSV exports. */
final class Web {

    private Web() {
    }

    static BigDecimal amount(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(",", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            throw UserFacingException.invalid(field, "assistance.amount.invalid", text);
        }
    }

    static Set<String> texts(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            values.stream().flatMap(v -> java.util.Arrays.stream(v.split("[,;|]"))).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }

    static <E extends Enum<E>> Set<E> enums(List<String> values, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        for (String v : texts(values)) {
            try {
                out.add(Enum.valueOf(type, v));
            } catch (IllegalArgumentException e) {
                throw UserFacingException.invalid(type.getSimpleName(), "form.choice.invalid", v);
            }
        }
        return out;
    }

    /** Writes rows as a CSV download; each column is a header and a function of the row. */
    @SafeVarargs
    static <T> void csv(HttpServletResponse response, String filename, List<T> rows, Column<T>... columns) {
        response.setContentType("text/csv; charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        String[] header = java.util.Arrays.stream(columns).map(Column::header).toArray(String[]::new);
        try (CSVPrinter out = new CSVPrinter(response.getWriter(), CSVFormat.DEFAULT.builder().setHeader(header).get())) {
            for (T row : rows) {
                Object[] values = new Object[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    Object v = columns[i].value().apply(row);
                    values[i] = v instanceof java.util.Collection<?> c ? String.join("|", c.stream().map(String::valueOf).toList()) : v;
                }
                out.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Column<T>(String header, Function<T, Object> value) {
    }

    static <T> Column<T> col(String header, Function<T, Object> value) {
        return new Column<>(header, value);
    }
}
