package org.opensalw.identification.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.opensalw.identification.WatchEntry;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventCommand;
import org.opensalw.registry.WeaponStatus;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;

/**
 * A lost/stolen list as imported: CSV in the shape of an iARMS export, with a header line naming its columns. Every
 * problem is said in the reader's words with its line, its column and what the column takes, never with the parser's
 * internals; a file that is not text in its encoding is refused at the first line that is not, never read with
 * replacement characters in the serials.
 */
public final class WatchListFile {

    /** The columns a list may have, in the order of an iARMS export. */
    public static final List<String> COLUMNS = List.of("reference", "serial", "maker", "model", "calibre", "type", "reported_by",
            "report_kind", "reported_on");
    /** The columns without which no line is an entry. */
    static final List<String> REQUIRED = List.of("reference", "serial", "report_kind");
    /** The earliest report date taken (as for events in the register): an earlier one is a slip of the year. */
    static final LocalDate EARLIEST = EventCommand.EARLIEST; // the register's own floor for any event's date

    private WatchListFile() {
    }

    /**
     * The file's text in its encoding (UTF-8 unless {@code encoding} names another, e.g. ISO-8859-1), without a leading
     * byte-order mark. Bytes that are not text in that encoding are refused with the line they are on.
     */
    public static String decode(byte[] content, String encoding) {
        Charset charset = charset(encoding);
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 64L,
                (long) Math.ceil(content.length * (double) decoder.maxCharsPerByte())) + 16);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw UserFacingException.invalid("file", "watch.file.encoding", lineAt(content, in.position()), charset.name());
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Charset charset(String encoding) {
        if (encoding == null || encoding.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(encoding.trim());
        } catch (IllegalArgumentException e) {
            throw UserFacingException.invalid("encoding", "watch.file.encoding.unknown", encoding.trim());
        }
    }

    /** The line (from 1) of the byte at {@code offset}. */
    private static long lineAt(byte[] content, int offset) {
        long line = 1;
        for (int i = 0; i < offset && i < content.length; i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The entries of the list, each new (its own id), reported on a day from {@link #EARLIEST} to {@code today}; or, if
     * any line is wrong, a refusal naming every wrong line with its column.
     */
    public static List<WatchEntry> read(String source, Reader csv, LocalDate today) {
        List<WatchEntry> entries = new ArrayList<>();
        List<Violation> errors = new ArrayList<>();
        CSVParser parser = parse(csv);
        List<String> header = parser.getHeaderNames();
        List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw UserFacingException.invalid("file", "watch.file.columns", String.join(", ", missing), String.join(", ", COLUMNS));
        }
        try {
            for (CSVRecord r : parser) {
                List<Violation> found = new ArrayList<>();
                WatchEntry e = entry(source, r, r.getRecordNumber() + 1, today, found);
                if (found.isEmpty()) {
                    entries.add(e);
                }
                errors.addAll(found);
            }
        } catch (UncheckedIOException | IllegalStateException e) { // a quote left open, text after a closing quote
            errors.add(Violation.of("line " + (parser.getCurrentLineNumber() + 1), "watch.line.invalid.csv", parser.getCurrentLineNumber() + 1));
        }
        if (!errors.isEmpty()) {
            throw new UserFacingException(UserFacingException.Kind.INVALID, errors);
        }
        return entries;
    }

    /** The parser, past the header line (which must name each column once). */
    private static CSVParser parse(Reader csv) {
        try {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(csv);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw UserFacingException.invalid("file", "watch.file.header", String.join(", ", COLUMNS));
        }
    }

    private static WatchEntry entry(String source, CSVRecord r, long line, LocalDate today, List<Violation> found) {
        String reference = required(r, "reference", line, found);
        String serial = required(r, "serial", line, found);
        String kind = required(r, "report_kind", line, found).toUpperCase(Locale.ROOT);
        WeaponStatus reportKind = null;
        if (kind.equals("LOST") || kind.equals("STOLEN")) {
            reportKind = WeaponStatus.valueOf(kind);
        } else if (!kind.isEmpty()) {
            found.add(choice(line, "report_kind", r.get("report_kind"), "LOST, STOLEN"));
        }
        String typeText = optional(r, "type");
        WeaponType type = typeText.isEmpty() ? null : Arrays.stream(WeaponType.values())
                .filter(t -> t.name().equalsIgnoreCase(typeText)).findFirst().orElse(null);
        if (!typeText.isEmpty() && type == null) {
            found.add(choice(line, "type", typeText, String.join(", ", Arrays.stream(WeaponType.values()).map(Enum::name).toList())));
        }
        LocalDate reportedOn = reportedOn(optional(r, "reported_on"), line, today, found);
        return new WatchEntry(UUID.randomUUID(), source, reference, serial, optional(r, "maker"), optional(r, "model"),
                optional(r, "calibre"), type, optional(r, "reported_by"), reportKind, reportedOn);
    }

    private static LocalDate reportedOn(String text, long line, LocalDate today, List<Violation> found) {
        if (text.isEmpty()) {
            return null;
        }
        LocalDate on;
        try {
            on = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            found.add(Violation.of("line " + line, "watch.line.invalid.date", line, "reported_on", text));
            return null;
        }
        if (on.isAfter(today)) {
            found.add(Violation.of("line " + line, "watch.line.invalid.future", line, "reported_on", on, today));
        } else if (on.isBefore(EARLIEST)) {
            found.add(Violation.of("line " + line, "watch.line.invalid.early", line, "reported_on", on, EARLIEST));
        }
        return on;
    }

    private static Violation choice(long line, String column, String value, String allowed) {
        return Violation.of("line " + line, "watch.line.invalid.choice", line, column, value, allowed);
    }

    private static String required(CSVRecord r, String column, long line, List<Violation> found) {
        String v = optional(r, column);
        if (v.isEmpty()) {
            found.add(Violation.of("line " + line, "watch.line.invalid.required", line, column));
        }
        return v;
    }

    private static String optional(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column).trim() : "";
    }
}
