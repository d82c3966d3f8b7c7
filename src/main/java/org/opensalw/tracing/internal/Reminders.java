package org.opensalw.tracing.internal;

import java.time.Duration;
import java.time.Instant;
import org.opensalw.identity.AuditTrail;
import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;
import org.opensalw.network.NodeId;
import org.opensalw.network.NodeNetwork;
import org.opensalw.network.OutgoingMessage;
import org.opensalw.tracing.Direction;
import org.opensalw.tracing.TraceStepKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders past the reasonable time (ITI: no fixed deadline, an answer within a reasonable time): a request of ours
 * left unanswered reminds the requested node; one of theirs left unanswered here is marked for our officers (it shows
 * on the overdue list). Each request is reminded again only after another reasonable period.
 */
@Component
public class Reminders {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Reminders.class);

    private final TraceStore store;
    private final Payloads payloads;
    private final NodeNetwork network;
    private final AuditTrail audit;
    private final int reasonableDays;
    private final TransactionTemplate transactions;

    Reminders(TraceStore store, Payloads payloads, NodeNetwork network, AuditTrail audit, PlatformTransactionManager transactions,
            @Value("${opensalw.tracing.reasonable-days:30}") int reasonableDays) {
        this.transactions = new TransactionTemplate(transactions);
        this.audit = audit;
        this.store = store;
        this.payloads = payloads;
        this.network = network;
        this.reasonableDays = reasonableDays;
    }

    /** Runs on every instance; each reminder is claimed in the database, so it is sent once. */
    @Scheduled(cron = "${opensalw.tracing.reminder-cron:0 0 6 * * *}")
    public void scheduled() {
        SystemActor.run("tracing-reminders", Role.INVESTIGATOR, this::remindOverdue);
    }

    /**
     * Sends or records the reminders due now; returns how many. Each reminder is claimed, queued, recorded and audited in
     * a transaction of its own (also when called from {@link #scheduled}, where an annotation would not apply): one that
     * fails is neither marked as sent nor stops the others.
     */
    public int remindOverdue() {
        Instant again = store.now().minus(Duration.ofDays(Math.max(1, reasonableDays)));
        int count = 0;
        for (TraceStore.Row r : store.overdue()) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(status -> remind(r, again)))) {
                    count++;
                }
            } catch (RuntimeException e) { // rolled back: not marked as sent, tried again next time
                log.warn("Tracing: the reminder for {} failed and is tried again at the next run", r.reference(), e);
            }
        }
        return count;
    }

    private boolean remind(TraceStore.Row r, Instant again) {
        if (!store.claimReminder(r.id(), again)) {
            return false;
        }
        String body = "Answer expected by " + r.dueOn() + " (" + r.reference() + ")";
        if (r.direction() == Direction.OUTGOING && r.counterpartNode() != null) {
            network.send(new OutgoingMessage(new NodeId(r.counterpartNode()), r.conversationId().toString(), Payloads.MESSAGE,
                    payloads.write(new Payloads.Message(Payloads.VERSION, r.conversationId(), "REMINDER", body, "system", store.now()))));
        }
        store.step(r.id(), TraceStepKind.REMINDED, "system", body, null);
        audit.recordWrite("tracing.remind", "TRACE_REQUEST", r.id(), body);
        return true;
    }
}
