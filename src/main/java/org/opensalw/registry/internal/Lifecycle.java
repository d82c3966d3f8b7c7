package org.opensalw.registry.internal;

import static org.opensalw.registry.WeaponStatus.DEACTIVATED;
import static org.opensalw.registry.WeaponStatus.DESTROYED;
import static org.opensalw.registry.WeaponStatus.EXPORTED;
import static org.opensalw.registry.WeaponStatus.IN_STATE_CUSTODY;
import static org.opensalw.registry.WeaponStatus.LEGALLY_HELD;
import static org.opensalw.registry.WeaponStatus.LOST;
import static org.opensalw.registry.WeaponStatus.STOLEN;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.WeaponStatus;
import org.opensalw.shared.Violation;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The weapon state machine: which lifecycle event may follow which status, and the status it leads to. A weapon's
 * status is the fold of its non-voided ledger entries, so a correction is checked by folding again without the
 * voided entry.
 */
public final class Lifecycle {

    /** The status, whether any lifecycle event has happened yet, and the date and kind of the last one. */
    public record State(WeaponStatus status, boolean fresh, LocalDate since, EventKind lastKind) {
    }

    /** Either the next state or why the event is impossible. */
    public record Outcome(State next, Violation refusal) {
        public boolean allowed() {
            return refusal == null;
        }
    }

    /** A ledger entry as the fold sees it. */
    public record Step(long seq, EventKind kind, LocalDate occurredOn) {
    }

    private static final Map<EventKind, Set<WeaponStatus>> FROM = new EnumMap<>(EventKind.class);
    private static final Map<EventKind, WeaponStatus> TO = new EnumMap<>(EventKind.class);

    static {
        allow(EventKind.MANUFACTURED, LEGALLY_HELD, Set.of(LEGALLY_HELD)); // only as the first event, see apply
        allow(EventKind.IMPORTED, LEGALLY_HELD, Set.of(LEGALLY_HELD, EXPORTED)); // first event, or back after an export
        allow(EventKind.EXPORTED, EXPORTED, Set.of(LEGALLY_HELD, IN_STATE_CUSTODY));
        allow(EventKind.TRANSFERRED, LEGALLY_HELD, Set.of(LEGALLY_HELD, IN_STATE_CUSTODY));
        allow(EventKind.LICENSED, LEGALLY_HELD, Set.of(LEGALLY_HELD));
        allow(EventKind.LICENCE_REVOKED, LEGALLY_HELD, Set.of(LEGALLY_HELD));
        allow(EventKind.REPORTED_LOST, LOST, Set.of(LEGALLY_HELD, IN_STATE_CUSTODY));
        allow(EventKind.REPORTED_STOLEN, STOLEN, Set.of(LEGALLY_HELD, IN_STATE_CUSTODY, LOST));
        allow(EventKind.FOUND, IN_STATE_CUSTODY, Set.of(LEGALLY_HELD, LOST, STOLEN, EXPORTED));
        allow(EventKind.SEIZED, IN_STATE_CUSTODY, Set.of(LEGALLY_HELD, LOST, STOLEN, EXPORTED, DEACTIVATED));
        allow(EventKind.SURRENDERED, IN_STATE_CUSTODY, Set.of(LEGALLY_HELD, LOST, STOLEN, DEACTIVATED));
        allow(EventKind.RECOVERED, LEGALLY_HELD, Set.of(LOST, STOLEN, IN_STATE_CUSTODY));
        allow(EventKind.MARKED, null, Set.of(LEGALLY_HELD, LOST, STOLEN, IN_STATE_CUSTODY, DEACTIVATED));
        allow(EventKind.DEACTIVATED, DEACTIVATED, Set.of(LEGALLY_HELD, IN_STATE_CUSTODY));
        allow(EventKind.DESTROYED, DESTROYED, Set.of(LEGALLY_HELD, IN_STATE_CUSTODY, DEACTIVATED));
    }

    private Lifecycle() {
    }

    private static void allow(EventKind kind, WeaponStatus to, Set<WeaponStatus> from) {
        FROM.put(kind, EnumSet.copyOf(from));
        if (to != null) {
            TO.put(kind, to);
        }
    }

    /** The state of a weapon just registered, before any lifecycle event. */
    public static State registered(LocalDate on) {
        return new State(LEGALLY_HELD, true, on, EventKind.REGISTERED);
    }

    /** The statuses from which an event of this kind may be recorded (for the UI to offer only possible events). */
    public static boolean canFollow(State state, EventKind kind) {
        return apply(state, kind, state.since() == null ? LocalDate.now() : state.since()).allowed();
    }

    public static Outcome apply(State state, EventKind kind, LocalDate on) {
        if (!FROM.containsKey(kind)) {
            // photos and other records that are not lifecycle events change nothing
            return new Outcome(state, null);
        }
        if (state.status() == DESTROYED) {
            return refused("lifecycle.destroyed", label(kind), state.since());
        }
        if (kind == EventKind.MANUFACTURED && !state.fresh()) {
            return refused("lifecycle.manufacturedNotFirst");
        }
        if (kind == EventKind.IMPORTED && !state.fresh() && state.status() != EXPORTED) {
            return refused("lifecycle.importNotAfterExport", label(state.status()));
        }
        if (!FROM.get(kind).contains(state.status())) {
            return refused("lifecycle.refused", label(kind), label(state.status()));
        }
        WeaponStatus next = TO.getOrDefault(kind, state.status());
        return new Outcome(new State(next, false, on, kind), null);
    }

    /**
     * Folds a history (REGISTERED first, voided entries already left out). Returns the final state, or the first
     * step that the history makes impossible, so a correction that would leave an impossible history is refused.
     */
    public static Outcome replay(List<Step> steps) {
        State state = null;
        for (Step step : steps) {
            if (step.kind() == EventKind.REGISTERED) {
                state = registered(step.occurredOn());
                continue;
            }
            if (state == null) {
                return refused("correction.breaksHistory", step.seq(), label(step.kind()));
            }
            Outcome outcome = apply(state, step.kind(), step.occurredOn());
            if (!outcome.allowed()) {
                return refused("correction.breaksHistory", step.seq(), label(step.kind()));
            }
            state = outcome.next();
        }
        return new Outcome(state, null);
    }

    private static Outcome refused(String code, Object... args) {
        return new Outcome(null, Violation.of("kind", code, args));
    }

    static DefaultMessageSourceResolvable label(EventKind kind) {
        return new DefaultMessageSourceResolvable(new String[] {"event." + kind.name()}, kind.name());
    }

    static DefaultMessageSourceResolvable label(WeaponStatus status) {
        return new DefaultMessageSourceResolvable(new String[] {"status." + status.name()}, status.name());
    }
}
