package org.opensalw.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.importing.internal.BatchStore;
import org.opensalw.importing.internal.UploadedFiles;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Uploaded files live in the database, so nothing of an import depends on the instance that received the file: its
 * content comes back byte for byte, a cancellation asked elsewhere stops the reading, a stopped batch is read again
 * from the kept file, and the content is released after its retention, never while a batch needs it.
 */
@TestDatabase
@WithMockUser(username = "import-registrar", roles = "REGISTRAR")
class ImportFileKeepingTests {

    @Autowired
    ImportManagement imports;

    @Autowired
    UploadedFiles uploads;

    @Autowired
    BatchStore store;

    @Autowired
    JdbcTemplate jdbc;

    private static String csv(int rows) {
        StringBuilder s = new StringBuilder(ImportTestSupport.HEADER).append('\n');
        String t = ImportTestSupport.tag();
        for (int i = 0; i < rows; i++) {
            s.append("ASSAULT_RIFLE,Izhmash,AKM,7.62x39mm,RU,1978,").append(t).append('-').append(i).append(",,,,,IMPORTED,12/03/1992,RU,,,\n");
        }
        return s.toString();
    }

    @Test
    void shouldKeepAnUploadInTheDatabaseAndGiveItBackByteForByte() throws Exception {
        // more than one piece of 1 MB, so the order of the pieces matters
        byte[] content = csv(30_000).getBytes(StandardCharsets.UTF_8);
        assertThat(content.length).isGreaterThan(2 << 20);
        PreparedFile p = imports.prepare("kept.csv", new ByteArrayInputStream(content), "UTF-8");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM import_upload_chunk WHERE upload_id = ?", Integer.class, p.id())).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT uploaded_by FROM import_upload WHERE id = ?", String.class, p.id())).isEqualTo("import-registrar");
        // what another instance sees of it: the mapping step's headers and the content itself
        assertThat(imports.prepared(p.id()).headers()).containsExactly(ImportTestSupport.HEADER.split(","));
        try (UploadedFiles.Content c = uploads.open(uploads.get(p.id()))) {
            assertThat(Files.readAllBytes(c.path())).isEqualTo(content);
            assertThat(c.copy()).isTrue();
            Path copy = c.path();
            c.close();
            assertThat(copy).doesNotExist();
        }
        Instant before = Instant.now().minusSeconds(1);
        ImportBatch b = imports.run(p.id(), ImportOptions.of("dd/MM/yyyy"), null);
        assertThat(b.status()).isEqualTo(BatchStatus.LOADED);
        assertThat(b.rowsAccepted()).isEqualTo(30_000);
        // the reading's copy is gone once the reading ended
        try (var copies = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")), "opensalw-import-*.part")) {
            for (Path left : copies) {
                assertThat(Files.getLastModifiedTime(left).toInstant()).as(left.toString()).isBefore(before);
            }
        }
        assertThat(b.uploadId()).isEqualTo(p.id());
        assertThat(b.fileKept()).isTrue();
    }

    @Test
    void shouldStopWhenCancelledFromAnotherInstanceAndReadTheKeptFileAgain() throws Exception {
        Path file = Path.of("target", "read-again-" + UUID.randomUUID() + ".csv");
        ImportBenchmark.generate(file, 300_000);
        PreparedFile p;
        try (InputStream in = Files.newInputStream(file)) {
            p = imports.prepare("legacy-register.csv", in, "UTF-8");
        } finally {
            Files.deleteIfExists(file);
        }
        ImportBatch started = imports.start(p.id(), new ImportOptions("UTF-8", ',', "dd/MM/yyyy", java.util.Map.of()));
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> imports.batch(started.id()).rowsRead() > 0);
        // the progress every instance shows comes from the database
        ImportBatch running = imports.batch(started.id());
        assertThat(running.status()).isEqualTo(BatchStatus.RUNNING);
        assertThat(running.rowsPerSecond()).isPositive();
        assertThat(running.percent()).isBetween(0, 100);

        // asked on another instance: only the database knows; the reading instance sees it at its next heartbeat
        assertThat(store.requestCancel(started.id(), Instant.now(), "registrar-on-node-b")).isTrue();
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> imports.batch(started.id()).status() != BatchStatus.RUNNING);
        ImportBatch cancelled = imports.batch(started.id());
        assertThat(cancelled.status()).isEqualTo(BatchStatus.CANCELLED);
        assertThat(cancelled.rowsRead()).isLessThan(300_000);
        assertThat(imports.history(started.id())).last().satisfies(h -> assertThat(h.by()).isEqualTo("registrar-on-node-b"));
        assertThat(cancelled.canReadAgain()).isTrue();

        ImportBatch again = imports.readAgain(started.id());
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(120)).until(() -> !imports.batch(again.id()).inProgress());
        ImportBatch read = imports.batch(again.id());
        assertThat(read.status()).isEqualTo(BatchStatus.LOADED);
        assertThat(read.rowsRead()).isEqualTo(300_000);
        assertThat(read.options()).contains("delimiter=,").contains("dateFormat=dd/MM/yyyy");
        ImportBatch old = imports.batch(started.id());
        assertThat(old.status()).isEqualTo(BatchStatus.VOIDED);
        assertThat(old.readAgainAs()).isEqualTo(again.id());
        assertThat(old.voidReason()).contains(again.id().toString());
        assertThatThrownBy(() -> imports.readAgain(started.id())).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(e.violations()).extracting(Violation::code).containsExactly("import.readAgain.already");
            assertThat(e.violations().get(0).args()).containsExactly(again.id());
        });
        assertThatThrownBy(() -> imports.readAgain(again.id())).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.violations()).extracting(Violation::code).containsExactly("import.readAgain.status"));
        imports.voidBatch(again.id(), "test over");
    }

    @Test
    void shouldReleaseContentAfterItsRetentionButNeverWhileABatchNeedsIt() {
        Instant now = Instant.now();
        PreparedFile neverStarted = upload("never.csv");
        PreparedFile loaded = upload("loaded.csv");
        ImportBatch open = imports.run(loaded.id(), ImportOptions.of("dd/MM/yyyy"), null);
        PreparedFile confirmedFile = upload("done.csv");
        ImportBatch done = imports.run(confirmedFile.id(), ImportOptions.of("dd/MM/yyyy"), null);
        imports.confirm(done.id());
        PreparedFile cancelledFile = upload("cancelled.csv");
        UUID cancelled = UUID.randomUUID();
        store.insert(cancelled, cancelledFile, ImportOptions.of("dd/MM/yyyy"), "", now, "import-registrar");
        store.requestCancel(cancelled, now, "import-registrar");
        store.finish(cancelled, BatchStatus.CANCELLED, 1, 0, "", now, "import-registrar");

        uploads.releaseOldContent(now);
        assertThat(List.of(chunks(neverStarted.id()), chunks(loaded.id()), chunks(confirmedFile.id()), chunks(cancelledFile.id())))
                .as("within every retention nothing goes").allMatch(n -> n > 0);

        // two days on: the file never started goes (24 h); the cancelled batch keeps its file, to be read again
        uploads.releaseOldContent(now.plus(Duration.ofDays(2)));
        assertThat(chunks(neverStarted.id())).isZero();
        assertThat(chunks(cancelledFile.id())).isPositive();
        assertThat(imports.batch(cancelled).canReadAgain()).isTrue();

        // 29 days: still kept; 31 days: the ended batches' files go, the one still waiting for review stays
        uploads.releaseOldContent(now.plus(Duration.ofDays(29)));
        assertThat(chunks(confirmedFile.id())).isPositive();
        assertThat(chunks(cancelledFile.id())).isPositive();
        uploads.releaseOldContent(now.plus(Duration.ofDays(31)));
        assertThat(chunks(confirmedFile.id())).isZero();
        assertThat(chunks(cancelledFile.id())).isZero();
        assertThat(chunks(loaded.id())).isPositive();
        assertThat(imports.batch(open.id()).fileKept()).isTrue();
        ImportBatch released = imports.batch(done.id());
        assertThat(released.fileKept()).isFalse();
        assertThat(released.sha256()).isEqualTo(confirmedFile.sha256());
        assertThat(imports.batch(cancelled).canReadAgain()).isFalse();
        assertThatThrownBy(() -> imports.readAgain(cancelled)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.violations()).extracting(Violation::code).containsExactly("import.upload.released"));
        assertThat(imports.batch(cancelled).readAgainAs()).as("a refused re-read leaves the batch as it was").isNull();
        assertThatThrownBy(() -> imports.start(neverStarted.id(), ImportOptions.of("dd/MM/yyyy")))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.violations()).extracting(Violation::code).containsExactly("import.upload.released"));
        imports.voidBatch(open.id(), "test over");
    }

    @Test
    void shouldFailABatchWhoseCommandLineFileChangedSinceItWasGiven() throws Exception {
        Path file = Path.of("target", "changed-" + UUID.randomUUID() + ".csv");
        Files.writeString(file, csv(3));
        PreparedFile p = imports.prepare(file, "UTF-8");
        Files.writeString(file, csv(4));
        try {
            ImportBatch b = imports.run(p.id(), ImportOptions.of("dd/MM/yyyy"), null);
            assertThat(b.status()).isEqualTo(BatchStatus.FAILED);
            assertThat(b.message()).contains(p.sha256());
            assertThatThrownBy(() -> imports.confirm(b.id())).isInstanceOf(UserFacingException.class);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void shouldTakeOverAClaimWhoseBatchNeverCameToBe() {
        PreparedFile file = upload("claimed.csv");
        UUID stopped = UUID.randomUUID();
        store.insert(stopped, file, ImportOptions.of("dd/MM/yyyy"), "", Instant.now(), "import-registrar");
        store.finish(stopped, BatchStatus.INTERRUPTED, 0, 0, "", Instant.now(), "system");
        // the process stopped after claiming the batch and before writing the new one
        assertThat(store.claimReadAgain(stopped, UUID.randomUUID())).isTrue();

        ImportBatch again = imports.readAgain(stopped);
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> !imports.batch(again.id()).inProgress());
        assertThat(imports.batch(again.id()).status()).isEqualTo(BatchStatus.LOADED);
        assertThat(imports.batch(stopped).readAgainAs()).isEqualTo(again.id());
        assertThat(imports.batch(stopped).status()).isEqualTo(BatchStatus.VOIDED);
        imports.voidBatch(again.id(), "test over");
    }

    private PreparedFile upload(String name) {
        return imports.prepare(name, new ByteArrayInputStream(csv(2).getBytes(StandardCharsets.UTF_8)), "UTF-8");
    }

    private int chunks(UUID upload) {
        return jdbc.queryForObject("SELECT count(*) FROM import_upload_chunk WHERE upload_id = ?", Integer.class, upload);
    }
}
