package org.opensalw.importing.internal;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads a file row by row without holding it: CSV through commons-csv on a decoding stream that refuses bytes that
 * are not valid in the stated encoding, .xlsx through POI's SAX event reader (the first sheet; shared strings read
 * only). Rows are pushed to a handler with their line number (the header is line 1).
 */
public final class RowSource {

    /** A row as read; {@code incomplete} when the file ended inside it. */
    public record Row(long line, List<String> values, boolean incomplete) {
    }

    public interface Handler {
        void header(List<String> headers);

        void row(Row row);
    }

    /** Thrown when the file cannot be read on (encoding, broken archive): what and near which line. */
    public static final class Unreadable extends RuntimeException {
        private final long line;

        public Unreadable(long line, String message, Throwable cause) {
            super(message, cause);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    /** A date cell of a workbook, given as ISO text behind this mark (a real date, not text to parse). */
    public static final char DATE_CELL = '\uE000'; // private use: never in real text, kept by trim()
    /**
     * Marks a workbook number too long for a spreadsheet to keep all its digits (it keeps 15): a serial typed as a number,
     * shown as 1.23457E+17, whose last digits are already lost in the file. The row is refused, never stored so.
     */
    public static final char LOST_DIGITS_CELL = '\uE001';

    private RowSource() {
    }

    /** Whether the file is a workbook (a zip archive), whatever its name says. */
    public static boolean isXlsx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    /** The first line of a CSV file, decoded alone (an encoding problem further down is reported while reading). */
    public static List<String> csvHeader(Path file, Charset charset, char delimiter) throws IOException {
        String first = firstLine(file, charset);
        try (CSVParser parser = CSVParser.parse(first, format(delimiter))) {
            var it = parser.iterator();
            if (!it.hasNext()) {
                return List.of();
            }
            return clean(it.next().toList());
        }
    }

    /** The delimiter the header line uses: ';' when it has more semicolons than commas. */
    public static char detectDelimiter(Path file, Charset charset) throws IOException {
        String first = firstLine(file, charset);
        long semi = first.chars().filter(c -> c == ';').count();
        long comma = first.chars().filter(c -> c == ',').count();
        return semi > comma ? ';' : ',';
    }

    private static String firstLine(Path file, Charset charset) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            int b;
            while ((b = in.read()) >= 0 && b != '\n' && line.size() < 1 << 20) {
                line.write(b);
            }
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(line.toByteArray())).toString().replace("\r", "");
        } catch (java.nio.charset.CharacterCodingException e) { // a Latin-1 header read as UTF-8, the usual legacy file
            throw org.opensalw.shared.UserFacingException.invalid("encoding", "import.file.encoding", 1, charset.name());
        }
    }

    /**
     * Reads a CSV file row by row. The bytes read go through {@code digest}, to the end of the file (so the caller can
     * check the SHA-256 of what was read without reading it again), unless the handler stops the reading.
     */
    public static void readCsv(Path file, Charset charset, char delimiter, AtomicLong bytesRead, java.security.MessageDigest digest,
            Handler handler) {
        long line = 1;
        try (InputStream raw = new java.security.DigestInputStream(Files.newInputStream(file), digest);
                Reader reader = reader(new Counting(raw, bytesRead), charset);
                CSVParser parser = CSVParser.parse(reader, format(delimiter))) {
            var it = parser.iterator();
            boolean header = true;
            long lastEndedOnLine = 0; // the physical line where the last good record ended
            while (true) {
                CSVRecord record;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    record = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    if (e.getCause() instanceof CharacterCodingException) {
                        throw new Unreadable(line + 1, "encoding", e);
                    }
                    brokenQuote(e, lastEndedOnLine, parser.getCurrentLineNumber(), handler);
                    break;
                }
                lastEndedOnLine = parser.getCurrentLineNumber();
                // the file's line where the record starts (what a person finds in an editor), not its record number: they
                // differ after blank lines and values holding line breaks
                line = lastEndedOnLine - lineBreaks(record);
                if (header) {
                    handler.header(clean(record.toList()));
                    header = false;
                } else if (!record.stream().allMatch(String::isBlank)) { // a blank line, or only separators (";;;;"), as a workbook's empty row
                    handler.row(new Row(line, record.toList(), false));
                }
            }
            raw.transferTo(java.io.OutputStream.nullOutputStream()); // what the parser left unread counts for the digest
        } catch (CharacterCodingException e) {
            throw new Unreadable(line + 1, "encoding", e);
        } catch (IOException e) {
            throw new Unreadable(line + 1, "io", e);
        }
    }

    private static long lineBreaks(CSVRecord record) {
        long breaks = 0;
        for (String value : record) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    /** How many physical lines a record cut by the end of the file may span (a quoted value may hold line breaks). */
    private static final long CUT_RECORD_LINES = 3;

    /**
     * A record the CSV parser could not read because of a quote. When the file ends inside the last record, a few lines
     * from its start, the file was cut: that record is reported as a bad row and the rows before it stay. Otherwise a quote
     * opened a value that was not closed (or closed one followed by more text): everything after it would be read as one
     * value or not at all, so the batch fails and names the line, rather than leaving rows out silently.
     */
    private static void brokenQuote(RuntimeException e, long lastEndedOnLine, long atLine, Handler handler) {
        boolean endOfFile = String.valueOf(e.getMessage()).contains("EOF");
        if (endOfFile && atLine - lastEndedOnLine <= CUT_RECORD_LINES) {
            handler.row(new Row(lastEndedOnLine + 1, List.of(), true));
            return;
        }
        throw new Unreadable(lastEndedOnLine + 1, "quote", e);
    }

    public static List<String> xlsxHeader(Path file) {
        List<String> headers = new ArrayList<>();
        try {
            readXlsx(file, new AtomicLong(), new Handler() {
                @Override
                public void header(List<String> h) {
                    headers.addAll(h);
                    throw new StopReading();
                }

                @Override
                public void row(Row row) {
                    throw new StopReading();
                }
            });
        } catch (StopReading stop) {
            // only the first row was wanted
        }
        return headers;
    }

    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }

    public static void readXlsx(Path file, AtomicLong bytesRead, Handler handler) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader xssf = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = xssf.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) xssf.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = new Counting(sheets.next(), bytesRead)) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new SheetRows(handler), new DatesAsIso(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new Unreadable(0, "xlsx", e);
        }
    }

    /** Collects a sheet's cells into rows (cells may be missing: their value is empty). */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Handler handler;
        private final List<String> cells = new ArrayList<>();
        private boolean header = true;
        private int width;

        SheetRows(Handler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            List<String> values = new ArrayList<>(cells.size());
            cells.forEach(c -> values.add(c == null ? "" : c));
            if (header) {
                header = false;
                width = values.size();
                handler.header(clean(values));
            } else {
                while (values.size() < width) {
                    values.add(""); // a workbook leaves empty cells out
                }
                handler.row(new Row(rowNum + 1L, values, false));
            }
        }

        @Override
        public void cell(String ref, String formattedValue, XSSFComment comment) {
            int col = ref == null ? cells.size() : new CellReference(ref).getCol();
            while (cells.size() <= col) {
                cells.add(null);
            }
            cells.set(col, formattedValue);
        }
    }

    /** Workbook dates are real dates: they are passed on as ISO dates, marked, instead of the sheet's display format. */
    private static final class DatesAsIso extends DataFormatter {
        DatesAsIso() {
            super(java.util.Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate d = DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate();
                return DATE_CELL + d.toString();
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value); // years and numbers without ".0"
            }
            if (Math.abs(value) >= 1e15) {
                return LOST_DIGITS_CELL + super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuote('"').setIgnoreEmptyLines(true)
                .setTrim(false).get();
    }

    private static Reader reader(InputStream in, Charset charset) {
        return new BufferedReader(new InputStreamReader(in, charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }

    private static List<String> clean(List<String> headers) {
        List<String> out = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i) == null ? "" : headers.get(i).trim();
            if (i == 0 && h.startsWith("\uFEFF")) {
                h = h.substring(1).trim();
            }
            out.add(h);
        }
        return out;
    }

    /** Counts the bytes read, for the progress (share of the file read). */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
