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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opensalw.shared.Texts;
import org.opensalw.shared.UserFacingException;

/** Small helpers shared by the module's pages: reading amounts and lists from forms, writing CSV exports. */
final class Web {

    /**
     * An amount as English, French and Spanish users type it: digits, optionally grouped by threes with spaces (also
     * non-breaking ones), then a point or a comma before at most two decimals. A point or a comma followed by three
     * digits is refused, not guessed: "200.000" is 200 in English and 200000 in Spanish.
     */
    private static final Pattern AMOUNT = Pattern.compile("-?(\\d+|\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+)(?:[.,](\\d{1,2}))?");

    /** A share of 0-1 (the range is checked by the records' constraints): a point or a comma before at most three decimals. */
    private static final Pattern SHARE = Pattern.compile("(\\d+)(?:[.,](\\d{1,3}))?");

    private Web() {
    }

    static BigDecimal amount(String field, String text) {
        return number(field, text, AMOUNT, "assistance.amount.invalid");
    }

    static BigDecimal share(String field, String text) {
        return number(field, text, SHARE, "assistance.share.invalid");
    }

    private static BigDecimal number(String field, String text, Pattern form, String code) {
        String typed = text == null ? "" : text.replaceAll("^[\\s\\u00A0\\u202F]+|[\\s\\u00A0\\u202F]+$", "");
        if (typed.isEmpty()) {
            return null;
        }
        Matcher m = form.matcher(typed);
        if (!m.matches()) {
            throw UserFacingException.invalid(field, code, typed);
        }
        String whole = m.group(1).replaceAll("[ \\u00A0\\u202F]", "");
        String decimals = m.group(2);
        return new BigDecimal((typed.startsWith("-") ? "-" : "") + whole + (decimals == null ? "" : "." + decimals));
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
                    values[i] = Texts.spreadsheetSafe(v instanceof java.util.Collection<?> c ? String.join("|", c.stream().map(String::valueOf).toList()) : v);
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
