package org.opensalw.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.opensalw.shared.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for ledger writes. Every append holds the chain head until its transaction commits, so one writer at a
 * time waits for the disk; with many registrars at once that caps the register at one commit per disk flush. Writes
 * submitted here while others are waiting share one transaction and one commit, and no caller is answered before it.
 * A write refused with a {@link UserFacingException} is refused by its checks before it writes anything (the registry's
 * rule: check, then write), so its caller gets its own error and the others go on; any other failure rolls the group
 * back and each write is retried in a transaction of its own. A caller already inside a transaction runs directly, so
 * its own atomicity is kept.
 */
@Component
public class GroupCommit implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Work<T>(Supplier<T> task, Authentication caller, CompletableFuture<T> result) {
    }

    private final BlockingQueue<Work<?>> queue = new LinkedBlockingQueue<>();
    private final TransactionTemplate group;
    private final int maxGroup;
    private final Thread writer;
    private volatile boolean running = true;

    GroupCommit(PlatformTransactionManager transactions, @Value("${opensalw.ledger.max-group:200}") int maxGroup) {
        this.group = new TransactionTemplate(transactions);
        this.maxGroup = maxGroup;
        this.writer = new Thread(this::loop, "ledger-group-commit");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Runs the write in a group transaction and returns once it is committed (or throws its own error). */
    public <T> T run(Supplier<T> task) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return task.get();
        }
        if (!running) {
            return group.execute(tx -> task.get());
        }
        Work<T> work = new Work<>(task, SecurityContextHolder.getContext().getAuthentication(), new CompletableFuture<>());
        queue.add(work);
        try {
            return work.result().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private void loop() {
        while (running) {
            List<Work<?>> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
                queue.drainTo(batch, maxGroup - 1);
                commitTogether(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                log.error("Group commit failed outside any write; the callers are told", e);
                batch.forEach(w -> w.result().completeExceptionally(e));
            }
        }
    }

    private void commitTogether(List<Work<?>> batch) {
        Object[] results = new Object[batch.size()];
        Throwable[] errors = new Throwable[batch.size()];
        try {
            group.executeWithoutResult(tx -> {
                for (int i = 0; i < batch.size(); i++) {
                    Work<?> w = batch.get(i);
                    SecurityContextHolder.getContext().setAuthentication(w.caller());
                    try {
                        results[i] = w.task().get();
                    } catch (UserFacingException refused) {
                        errors[i] = refused;
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }
            });
        } catch (RuntimeException commitFailure) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(commitFailure);
                return;
            }
            // the shared commit failed: nothing of the group is stored, so each write is tried again on its own
            batch.forEach(w -> commitTogether(List.of(w)));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), results[i], errors[i]);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Work<T> work, Object result, Throwable error) {
        if (error != null) {
            work.result().completeExceptionally(error);
        } else {
            work.result().complete((T) result);
        }
    }

    @Override
    public void destroy() {
        running = false;
        writer.interrupt();
        queue.forEach(w -> w.result().completeExceptionally(new IllegalStateException("The application is stopping; the write was not made")));
    }
}
