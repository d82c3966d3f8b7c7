package org.opensalw.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.test.context.support.WithMockUser;

/** An auditor verifies the chain while registrars keep writing: what they append meanwhile is no tampering. */
@TestDatabase
@WithMockUser(username = "verify-while-writing", roles = {"REGISTRAR", "AUDITOR"})
class LedgerVerifyWhileWritingTests {

    @Autowired
    RegistryManagement registry;
    @Autowired
    RegistryQueries queries;

    @Test
    void shouldFindTheChainIntactWhileRecordsAreAppended() throws Exception {
        // a chain long enough that a walk takes a while
        registry.registerBulk(UUID.randomUUID(), IntStream.range(0, 3_000).mapToObj(i -> new BulkWeapon(UUID.randomUUID(),
                RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()), List.of(), null)).iterator());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(() -> {
            while (!stop.get()) {
                registry.register(RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()));
                written.incrementAndGet();
            }
        }), pool);
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> written.get() >= 3 || writer.isDone());
            assertThat(writer).as("the writer keeps writing").isNotDone();
            int before = written.get();
            for (int i = 0; i < 5; i++) {
                LedgerReport report = queries.verifyLedger();
                assertThat(report.intact()).as(report.problem()).isTrue();
            }
            assertThat(written.get()).as("records were appended while the chain was walked").isGreaterThan(before);
        } finally {
            stop.set(true);
            writer.get(30, TimeUnit.SECONDS);
            pool.shutdown();
        }
        assertThat(queries.verifyLedger().intact()).isTrue();
    }
}
