package org.opensalw.importing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.importing.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

/** Marking dead imports as interrupted, as any instance does every minute, must not touch live or finished ones. */
@TestDatabase
class BatchStoreTests {

    @Autowired
    BatchStore store;

    private UUID batch(Instant startedAt) {
        UUID id = UUID.randomUUID();
        store.insert(id, "legacy.csv", UUID.randomUUID().toString(), 10, "CSV", "", startedAt, "test");
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
