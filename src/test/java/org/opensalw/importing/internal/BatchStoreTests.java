package org.opensalw.importing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.importing.BatchStatus;
import org.opensalw.importing.ImportOptions;
import org.opensalw.importing.PreparedFile;
import org.springframework.beans.factory.annotation.Autowired;

/** Marking dead imports as interrupted, as any instance does every minute, must not touch live or finished ones. */
@TestDatabase
class BatchStoreTests {

    @Autowired
    BatchStore store;

    @Autowired
    UploadedFiles uploads;

    private UUID batch(Instant startedAt) {
        UUID id = UUID.randomUUID();
        // a file of its own each time: two running batches of the same file are refused
        PreparedFile file = uploads.keep("legacy.csv", new ByteArrayInputStream(("Kind,Serial\nRIFLE," + id + "\n").getBytes(StandardCharsets.UTF_8)),
                "UTF-8", "test");
        store.insert(id, file, ImportOptions.of("dd/MM/yyyy"), "", startedAt, "test");
        return id;
    }

    @Test
    void shouldInterruptOnlyRunningBatchesWithoutAHeartbeatNorRunningHere() {
        Instant longAgo = Instant.now().minusSeconds(3600);
        UUID dead = batch(longAgo);
        UUID finished = batch(longAgo);
        store.finish(finished, BatchStatus.LOADED, 0, 0, "", longAgo, "test");
        UUID here = batch(longAgo);
        UUID alive = batch(Instant.now());

        List<UUID> stale = store.interruptStale(Instant.now().minusSeconds(60), List.of(here), Instant.now());

        assertThat(stale).contains(dead).doesNotContain(finished, here, alive);
        assertThat(store.find(dead).orElseThrow().status()).isEqualTo(BatchStatus.INTERRUPTED);
        assertThat(store.find(finished).orElseThrow().status()).isEqualTo(BatchStatus.LOADED);
        assertThat(store.find(here).orElseThrow().status()).isEqualTo(BatchStatus.RUNNING);
        assertThat(store.find(alive).orElseThrow().status()).isEqualTo(BatchStatus.RUNNING);
    }

    @Test
    void shouldNeverLoadABatchOnceACancelWasAskedAndTellAStoppedReaderToStop() {
        UUID batch = batch(Instant.now());
        assertThat(store.progress(batch, 10, 10, 0, 0, 100, Instant.now())).isEqualTo(BatchStore.Heartbeat.RUNNING);
        assertThat(store.requestCancel(batch, Instant.now(), "other-instance-user")).isTrue();
        assertThat(store.progress(batch, 20, 20, 0, 0, 200, Instant.now())).isEqualTo(BatchStore.Heartbeat.CANCEL_REQUESTED);
        // the reader finished the file before it looked again: it may not end the batch as LOADED
        assertThat(store.finish(batch, BatchStatus.LOADED, 20, 0, "", Instant.now(), "test")).isFalse();
        assertThat(store.finish(batch, BatchStatus.CANCELLED, 20, 0, "", Instant.now(), "other-instance-user")).isTrue();
        assertThat(store.find(batch).orElseThrow().status()).isEqualTo(BatchStatus.CANCELLED);
        assertThat(store.requestCancel(batch, Instant.now(), "late")).isFalse();

        UUID taken = batch(Instant.now().minusSeconds(3600));
        store.interruptStale(Instant.now().minusSeconds(60), List.of(), Instant.now());
        assertThat(store.progress(taken, 1, 1, 0, 0, 1, Instant.now())).isEqualTo(BatchStore.Heartbeat.NOT_RUNNING);
    }
}
