package org.opensalw.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
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
 * submitted while others are waiting share one transaction and one commit, and no caller is answered before it.
 * Writes of the same kind are merged into one call ({@link #runMerged}), so a group costs a few statements, not a
 * few per write. A write refused with a {@link UserFacingException} is refused by its checks before it writes anything
 * (the registry's rule: check, then write), so its caller gets its own error and the others go on; any other failure
 * rolls the group back and each write is retried in a transaction of its own. A caller already inside a transaction
 * runs directly, so its own atomicity is kept.
 */
@Component
public class GroupCommit implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** One merged item with the user who asked for it. */
    public record Merged<I>(I item, String username) {
    }

    /** What a merged handler says of one item. */
    public record Result<T>(T value, RuntimeException error) {
        public static <T> Result<T> of(T value) {
            return new Result<>(value, null);
        }

        public static <T> Result<T> failed(RuntimeException error) {
            return new Result<>(null, error);
        }
    }

    private record Work(Supplier<?> task, Object item, Function<List<Merged<Object>>, List<Result<Object>>> handler,
            Authentication caller, CompletableFuture<Object> result) {
    }

    private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    private final TransactionTemplate group;
    private final int maxGroup;
    private final Thread writer;
    private volatile boolean running = true;

    GroupCommit(PlatformTransactionManager transactions, @Value("${opensalw.ledger.max-group:500}") int maxGroup) {
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
        return await(submit(new Work(task, null, null, caller(), new CompletableFuture<>())));
    }

    /**
     * Runs the write together with the other waiting writes that use the same handler (the same instance): the handler
     * gets them all in one call and says, item by item, what became of each.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <I, T> T runMerged(I item, Function<List<Merged<I>>, List<Result<T>>> handler) {
        Function<List<Merged<Object>>, List<Result<Object>>> h = (Function) handler;
        if (TransactionSynchronizationManager.isActualTransactionActive() || !running) {
            Supplier<T> alone = () -> (T) value(h.apply(List.of(new Merged<>(item, username(caller())))).get(0));
            return TransactionSynchronizationManager.isActualTransactionActive() ? alone.get() : group.execute(tx -> alone.get());
        }
        return await(submit(new Work(null, item, h, caller(), new CompletableFuture<>())));
    }

    private CompletableFuture<Object> submit(Work work) {
        queue.add(work);
        return work.result();
    }

    @SuppressWarnings("unchecked")
    private static <T> T await(CompletableFuture<Object> result) {
        try {
            return (T) result.join();
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
            List<Work> batch = new ArrayList<>();
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

    private void commitTogether(List<Work> batch) {
        Object[] results = new Object[batch.size()];
        RuntimeException[] errors = new RuntimeException[batch.size()];
        try {
            group.executeWithoutResult(tx -> {
                int i = 0;
                while (i < batch.size()) {
                    Work w = batch.get(i);
                    SecurityContextHolder.getContext().setAuthentication(w.caller());
                    try {
                        i = w.task() != null ? runOne(batch, i, results, errors) : runMerged(batch, i, results, errors);
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }
            });
        } catch (RuntimeException groupFailure) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(groupFailure);
                return;
            }
            // the shared transaction failed: nothing of the group is stored, so each write is tried again on its own
            batch.forEach(w -> commitTogether(List.of(w)));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (errors[i] != null) {
                batch.get(i).result().completeExceptionally(errors[i]);
            } else {
                batch.get(i).result().complete(results[i]);
            }
        }
    }

    private static int runOne(List<Work> batch, int i, Object[] results, RuntimeException[] errors) {
        try {
            results[i] = batch.get(i).task().get();
        } catch (UserFacingException refused) {
            errors[i] = refused;
        }
        return i + 1;
    }

    private static int runMerged(List<Work> batch, int i, Object[] results, RuntimeException[] errors) {
        Function<List<Merged<Object>>, List<Result<Object>>> handler = batch.get(i).handler();
        int end = i;
        List<Merged<Object>> items = new ArrayList<>();
        while (end < batch.size() && batch.get(end).handler() == handler) {
            items.add(new Merged<>(batch.get(end).item(), username(batch.get(end).caller())));
            end++;
        }
        List<Result<Object>> outcomes = handler.apply(items);
        for (int k = 0; k < items.size(); k++) {
            results[i + k] = outcomes.get(k).value();
            errors[i + k] = outcomes.get(k).error();
        }
        return end;
    }

    private static Object value(Result<Object> r) {
        if (r.error() != null) {
            throw r.error();
        }
        return r.value();
    }

    private static Authentication caller() {
        return SecurityContextHolder.getContext().getAuthentication();
    }

    private static String username(Authentication a) {
        return a == null || !a.isAuthenticated() ? "system" : a.getName();
    }

    @Override
    public void destroy() {
        running = false;
        writer.interrupt();
        queue.forEach(w -> w.result().completeExceptionally(new IllegalStateException("The application is stopping; the write was not made")));
    }
}
