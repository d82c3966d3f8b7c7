package org.opensalw.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.network.MessageId;
import org.opensalw.network.NodeId;
import org.opensalw.network.NodeNetwork;
import org.opensalw.network.OutgoingMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages of one conversation leave in the order of their {@code seq}: two transactions queuing to it (the reminder job
 * and an officer's closing) are done one after the other, so that order is also the order they commit in.
 */
@TestDatabase
class OutboxOrderTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    NodeNetwork network;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldQueueToAConversationOneTransactionAtATimeSoThatSeqFollowsTheCommits() throws Exception {
        NodeId recipient = new NodeId("ZZ-ORDER"); // no such peer: nothing leaves while the test reads the rows
        String conversation = "order-" + UUID.randomUUID();
        CountDownLatch queued = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService jobs = Executors.newFixedThreadPool(2);
        List<String> conversations = List.of(conversation, conversation + "-other");
        try {
            // the first has queued its message and has not committed yet when the second queues one
            Future<MessageId> first = jobs.submit(() -> tx.execute(s -> {
                MessageId id = network.send(new OutgoingMessage(recipient, conversation, "test.first", "{}"));
                queued.countDown();
                hold(commitFirst);
                return id;
            }));
            assertThat(queued.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            Future<MessageId> second = jobs.submit(() -> tx.execute(s ->
                    network.send(new OutgoingMessage(recipient, conversation, "test.second", "{}"))));

            // it waits for the first to commit, on the conversation's lock...
            await().pollInSameThread().atMost(WAIT).until(() -> jdbc.queryForObject("""
                    SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                      AND classid = CAST(5005004 AS oid) AND objsubid = 2""", Long.class) > 0);
            assertThat(committed(conversation)).as("nothing of the conversation committed behind the first").isEmpty();
            // ...which holds no other conversation back
            tx.execute(s -> network.send(new OutgoingMessage(recipient, conversations.get(1), "test.other", "{}")));

            commitFirst.countDown();
            MessageId firstId = first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            MessageId secondId = second.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(seq(firstId)).isLessThan(seq(secondId));
            assertThat(committed(conversation)).containsExactly("test.first", "test.second");
        } finally {
            commitFirst.countDown();
            jobs.shutdown();
            // not tried again for the rest of the run (the recipient is no peer)
            for (String c : conversations) {
                jdbc.update("UPDATE network_outbox SET status = 'UNDELIVERABLE' WHERE conversation_id = ?", c);
            }
        }
    }

    private List<String> committed(String conversation) {
        return jdbc.queryForList("SELECT type FROM network_outbox WHERE conversation_id = ? ORDER BY seq", String.class, conversation);
    }

    private long seq(MessageId id) {
        return jdbc.queryForObject("SELECT seq FROM network_outbox WHERE id = ?", Long.class, id.value());
    }

    private static void hold(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
