package org.opensalw.importing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opensalw.importing.PreparedFile;
import org.opensalw.shared.UserFacingException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files waiting for their column mapping: kept under the data directory (hashed on the way in), their header read
 * and columns suggested. They are known to this instance only until the import starts.
 */
@Component
public class UploadedFiles {

    /** A prepared file and where it lies. */
    public record Upload(PreparedFile file, Path path) {
    }

    private final Path directory;
    private final Map<UUID, Upload> uploads = new ConcurrentHashMap<>();

    UploadedFiles(@Value("${opensalw.data-dir:./data}") String dataDir) {
        this.directory = Path.of(dataDir, "imports").toAbsolutePath().normalize();
    }

    /** Keeps an uploaded file under the data directory (hashing it on the way) and reads its header. */
    public PreparedFile keep(String fileName, InputStream content, String encoding) {
        UUID id = UUID.randomUUID();
        try {
            Files.createDirectories(directory);
            Path path = directory.resolve(id + ".upload");
            MessageDigest sha = sha256();
            try (InputStream in = new DigestInputStream(content, sha); OutputStream out = Files.newOutputStream(path)) {
                in.transferTo(out);
            }
            return read(id, fileName, path, HexFormat.of().formatHex(sha.digest()), encoding);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uses a file where it lies (the command line: very large files are not copied). */
    public PreparedFile use(Path file, String encoding) {
        try {
            MessageDigest sha = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return read(UUID.randomUUID(), file.getFileName().toString(), file, HexFormat.of().formatHex(sha.digest()), encoding);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Upload get(UUID id) {
        Upload u = uploads.get(id);
        if (u == null) {
            throw UserFacingException.notFound("upload", id);
        }
        return u;
    }

    /** The import has started: the file is the batch's now. */
    public void taken(UUID id) {
        uploads.remove(id);
    }

    public static Charset charset(String encoding) {
        try {
            return encoding == null || encoding.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(encoding.trim());
        } catch (RuntimeException e) {
            throw UserFacingException.invalid("encoding", "import.encoding.unknown", encoding);
        }
    }

    private PreparedFile read(UUID id, String fileName, Path path, String sha, String encoding) throws IOException {
        long bytes = Files.size(path);
        if (bytes == 0) {
            throw UserFacingException.invalid("file", "import.file.empty");
        }
        boolean xlsx = RowSource.isXlsx(fileName, path);
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
        uploads.put(id, new Upload(file, path));
        return file;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
