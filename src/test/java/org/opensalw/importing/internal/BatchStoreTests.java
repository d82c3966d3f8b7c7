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
}
