package org.opensalw.importing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.opensalw.importing.PreparedFile;
import org.opensalw.shared.UserFacingException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Received files, kept in the database (import_upload, in pieces of 1 MB) so that any instance can show the mapping
 * step, start an import, or read a batch's file again. The command line's files are not copied: they are read where
 * they lie, by that process. A file's content is released after a retention period (a batch still open keeps it);
 * its name, size and SHA-256 stay.
 */
@Component
public class UploadedFiles {

    private static final int PIECE = 1 << 20;
    private static final String COPY_PREFIX = "opensalw-import-";
    private static final String UPLOAD_PREFIX = "opensalw-upload-";

    /** A received file: what was read of it, how to decode it, and where its content is. */
    public record Upload(PreparedFile file, Path localPath, Instant released) {
    }

    /** A file to read on this machine; a copy taken from the database is deleted on {@link #close}. */
    public record Content(Path path, boolean copy) implements AutoCloseable {
        @Override
        public void close() {
            if (copy) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    path.toFile().deleteOnExit();
                }
            }
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readSnapshot;
    private final Clock clock;
    private final Duration keepFinished;
    private final Duration keepUnstarted;

    UploadedFiles(JdbcClient jdbc, TransactionTemplate transaction, Clock clock,
            @Value("${opensalw.import.keep-files-days:30}") long keepFinishedDays,
            @Value("${opensalw.import.keep-unstarted-hours:24}") long keepUnstartedHours) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.readSnapshot = new TransactionTemplate(java.util.Objects.requireNonNull(transaction.getTransactionManager()));
        this.readSnapshot.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.readSnapshot.setReadOnly(true);
        this.clock = clock;
        this.keepFinished = Duration.ofDays(keepFinishedDays);
        this.keepUnstarted = Duration.ofHours(keepUnstartedHours);
    }

    /** Keeps an uploaded file in the database (hashing it on the way) and reads its header. */
    public PreparedFile keep(String fileName, InputStream content, String encoding, String by) {
        UUID id = UUID.randomUUID();
        Path temp = null;
        try {
            temp = Files.createTempFile(UPLOAD_PREFIX, ".part");
            MessageDigest sha = sha256();
            try (InputStream in = new DigestInputStream(content, sha); OutputStream out = Files.newOutputStream(temp)) {
                in.transferTo(out);
            }
            PreparedFile file = read(id, fileName, temp, HexFormat.of().formatHex(sha.digest()), encoding);
            Path received = temp;
            transaction.executeWithoutResult(s -> {
                insert(file, encoding, null, by);
                storeContent(id, received);
            });
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                new Content(temp, true).close();
            }
        }
    }

    /** Uses a file where it lies (the command line: very large files are not copied). */
    public PreparedFile use(Path file, String encoding, String by) {
        try {
            PreparedFile prepared = read(UUID.randomUUID(), file.getFileName().toString(), file, sha256Of(file), encoding);
            insert(prepared, encoding, file.toAbsolutePath().normalize(), by);
            return prepared;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Upload get(UUID id) {
        return jdbc.sql("SELECT * FROM import_upload WHERE id = :id").param("id", id).query((rs, i) -> {
            String delimiter = rs.getString("delimiter");
            List<String> headers = headers(rs.getString("headers"));
            Map<String, String> suggested = Columns.suggest(headers);
            PreparedFile file = new PreparedFile(id, rs.getString("file_name"), rs.getString("file_sha256"), rs.getLong("file_bytes"),
                    rs.getString("format"), headers, suggested, Columns.missingRequired(suggested),
                    delimiter == null || delimiter.isEmpty() ? null : delimiter.charAt(0));
            Timestamp released = rs.getTimestamp("content_released_at");
            String local = rs.getString("local_path");
            return new Upload(file, local == null ? null : Path.of(local), released == null ? null : released.toInstant());
        }).optional().orElseThrow(() -> UserFacingException.notFound("upload", id));
    }

    /**
     * The upload's content as a file on this machine: a copy taken from the database (deleted when closed), or the
     * command line's file itself. The reading checks it against the SHA-256 taken when the file was received, so a
     * batch always holds what its record says. Refused, saying why, once the content was released or when the file
     * cannot be read where it was given.
     */
    public Content open(Upload upload) {
        if (upload.released() != null) {
            throw released(upload);
        }
        if (upload.localPath() != null) {
            if (!Files.isReadable(upload.localPath())) {
                throw UserFacingException.invalid("file", "import.upload.elsewhere", upload.localPath());
            }
            return new Content(upload.localPath(), false); // the reading checks it is still the file received
        }
        Path copy = null;
        try {
            copy = Files.createTempFile(COPY_PREFIX, ".part");
            Path target = copy;
            // one snapshot: a release committed meanwhile is either wholly seen (refused) or not at all
            Boolean complete = readSnapshot.execute(s -> {
                if (!Boolean.TRUE.equals(jdbc.sql("SELECT content_released_at IS NULL FROM import_upload WHERE id = :id")
                        .param("id", upload.file().id()).query(Boolean.class).optional().orElse(false))) {
                    return false;
                }
                try (OutputStream out = Files.newOutputStream(target)) {
                    for (int n = 0; ; n++) {
                        List<byte[]> piece = jdbc.sql("SELECT content FROM import_upload_chunk WHERE upload_id = :id AND n = :n")
                                .param("id", upload.file().id()).param("n", n).query((rs, i) -> rs.getBytes(1)).list();
                        if (piece.isEmpty()) {
                            break;
                        }
                        out.write(piece.get(0));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return true;
            });
            if (!Boolean.TRUE.equals(complete)) {
                throw released(get(upload.file().id()));
            }
            return new Content(copy, true); // the reading checks it against the SHA-256 taken on receipt
        } catch (IOException | RuntimeException e) {
            if (copy != null) {
                new Content(copy, true).close();
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    private static UserFacingException released(Upload upload) {
        return UserFacingException.invalid("file", "import.upload.released", upload.file().fileName(),
                upload.released() == null ? "" : upload.released());
    }

    /** The SHA-256 of a file, as hex. */
    public static String sha256Of(Path file) {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * Copies left behind by a process that died while reading (a copy is deleted when its reading ends): removed at
     * start once a day old, so no reading still running on another instance of this machine loses its copy.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void removeStaleCopies() {
        Instant dayAgo = clock.instant().minus(Duration.ofDays(1));
        try (var files = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")), "opensalw-{import,upload}-*.part")) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(dayAgo)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(UploadedFiles.class).warn("Could not clean stale import copies: {}", e.getMessage());
        }
    }

    /**
     * Releases the content of files no batch needs any more: uploads never started after {@code keep-unstarted-hours},
     * and files whose batches all ended (confirmed, voided, cancelled, failed, interrupted) more than
     * {@code keep-files-days} ago. The upload record stays. Safe on every instance at once (one statement).
     *
     * @return the number of files released
     */
    public int releaseOldContent(Instant now) {
        return jdbc.sql("""
                WITH released AS (
                  UPDATE import_upload u SET content_released_at = :now
                  WHERE u.content_released_at IS NULL AND u.local_path IS NULL AND (
                    (u.uploaded_at < :unstartedBefore AND NOT EXISTS (SELECT 1 FROM import_batch b WHERE b.upload_id = u.id))
                    OR (EXISTS (SELECT 1 FROM import_batch b WHERE b.upload_id = u.id)
                        AND NOT EXISTS (SELECT 1 FROM import_batch b WHERE b.upload_id = u.id
                          AND (b.status = ANY(:underWay)
                               OR greatest(b.finished_at, b.confirmed_at, b.voided_at) >= :finishedBefore))))
                  RETURNING u.id),
                gone AS (DELETE FROM import_upload_chunk WHERE upload_id IN (SELECT id FROM released))
                SELECT count(*) FROM released
                """).param("now", Timestamp.from(now)).param("underWay", org.opensalw.importing.BatchStatus.names(
                        org.opensalw.importing.BatchStatus.UNDER_WAY)).param("unstartedBefore", Timestamp.from(now.minus(keepUnstarted)))
                .param("finishedBefore", Timestamp.from(now.minus(keepFinished))).query(Integer.class).single();
    }

    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${opensalw.import.release-check-millis:3600000}",
            initialDelayString = "${opensalw.import.release-check-millis:3600000}")
    void releaseOldContent() {
        int n = releaseOldContent(clock.instant());
        if (n > 0) {
            org.slf4j.LoggerFactory.getLogger(UploadedFiles.class).info("Released the content of {} imported files past their retention", n);
        }
    }

    public static Charset charset(String encoding) {
        try {
            return encoding == null || encoding.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(encoding.trim());
        } catch (RuntimeException e) {
            throw UserFacingException.invalid("encoding", "import.encoding.unknown", encoding);
        }
    }

    private void insert(PreparedFile file, String encoding, Path localPath, String by) {
        jdbc.sql("""
                INSERT INTO import_upload (id, file_name, file_sha256, file_bytes, format, headers, delimiter, encoding, local_path,
                  uploaded_at, uploaded_by)
                VALUES (:id, :name, :sha, :bytes, :format, :headers, :delimiter, :encoding, :local, :at, :by)
                """).param("id", file.id()).param("name", file.fileName()).param("sha", file.sha256()).param("bytes", file.bytes())
                .param("format", file.format()).param("headers", CSVFormat.DEFAULT.format(file.headers().toArray()))
                .param("delimiter", file.delimiter() == null ? null : file.delimiter().toString())
                .param("encoding", encoding == null || encoding.isBlank() ? "UTF-8" : encoding.trim())
                .param("local", localPath == null ? null : localPath.toString()).param("at", Timestamp.from(clock.instant()))
                .param("by", by).update();
    }

    private void storeContent(UUID id, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = 0; ; n++) {
                byte[] piece = in.readNBytes(PIECE);
                if (piece.length == 0) {
                    return;
                }
                jdbc.sql("INSERT INTO import_upload_chunk (upload_id, n, content) VALUES (:id, :n, :content)")
                        .param("id", id).param("n", n).param("content", piece).update();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> headers(String line) {
        try (CSVParser parser = CSVParser.parse(new StringReader(line), CSVFormat.DEFAULT)) {
            var records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PreparedFile read(UUID id, String fileName, Path path, String sha, String encoding) throws IOException {
        long bytes = Files.size(path);
        if (bytes == 0) {
            throw UserFacingException.invalid("file", "import.file.empty");
        }
        boolean xlsx = RowSource.isXlsx(path);
        List<String> headers;
        Character delimiter = null;
        if (xlsx) {
            try {
                headers = RowSource.xlsxHeader(path);
            } catch (RuntimeException e) {
                throw UserFacingException.invalid("file", "import.file.xlsx", String.valueOf(e.getMessage()));
            }
        } else {
            Charset charset = charset(encoding);
            delimiter = RowSource.detectDelimiter(path, charset);
            try {
                headers = RowSource.csvHeader(path, charset, delimiter);
            } catch (java.nio.charset.CharacterCodingException | UncheckedIOException e) {
                throw UserFacingException.invalid("encoding", "import.file.encoding", 1, charset.name());
            }
        }
        if (headers.isEmpty() || headers.stream().allMatch(String::isBlank)) {
            throw UserFacingException.invalid("file", "import.file.noHeader");
        }
        Map<String, String> suggested = Columns.suggest(headers);
        PreparedFile file = new PreparedFile(id, fileName == null ? "upload" : fileName, sha, bytes, xlsx ? "XLSX" : "CSV", headers,
                suggested, Columns.missingRequired(suggested), delimiter);
        return file;
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
