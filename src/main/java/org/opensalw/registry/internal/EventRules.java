package org.opensalw.registry.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.opensalw.registry.EventCommand;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.Licence;
import org.opensalw.registry.WeaponStatus;
import org.opensalw.shared.Violation;

/** The validation rules of a lifecycle event, one function each; all are checked and all violations reported. */
public final class EventRules {

    /** What the rules look at; lookups are done once by the caller. */
    public record Context(EventCommand command, Lifecycle.State state, Integer yearOfManufacture, UUID currentHolder,
            LocalDate today, boolean holderExists, boolean countryKnown, Optional<Licence> licence) {
    }

    /** The earliest date the register takes ({@link EventCommand#EARLIEST}). */
    public static final LocalDate EARLIEST = EventCommand.EARLIEST;

    public static final List<Function<Context, Optional<Violation>>> ALL = List.of(
            EventRules::dateNotInFuture, EventRules::dateNotBeforeEarliest, EventRules::dateNotBeforeManufacture,
            EventRules::dateNotBeforeLastEvent,
            EventRules::holderWhenNeeded, EventRules::countryWhenNeeded, EventRules::licenceWhenNeeded,
            EventRules::markingWhenNeeded);

    private EventRules() {
    }

    public static List<Violation> check(Context ctx) {
        return ALL.stream().map(rule -> rule.apply(ctx)).flatMap(Optional::stream).toList();
    }

    static Optional<Violation> dateNotInFuture(Context ctx) {
        LocalDate on = ctx.command().occurredOn();
        return on != null && on.isAfter(ctx.today())
                ? Optional.of(Violation.of("occurredOn", "event.date.future", on)) : Optional.empty();
    }

    static Optional<Violation> dateNotBeforeEarliest(Context ctx) {
        LocalDate on = ctx.command().occurredOn();
        return on != null && on.isBefore(EARLIEST)
                ? Optional.of(Violation.of("occurredOn", "event.date.tooEarly", on, EARLIEST)) : Optional.empty();
    }

    static Optional<Violation> dateNotBeforeManufacture(Context ctx) {
        LocalDate on = ctx.command().occurredOn();
        Integer year = ctx.yearOfManufacture();
        return on != null && year != null && on.getYear() < year
                ? Optional.of(Violation.of("occurredOn", "event.date.beforeManufacture", on, year)) : Optional.empty();
    }

    static Optional<Violation> dateNotBeforeLastEvent(Context ctx) {
        LocalDate on = ctx.command().occurredOn();
        Lifecycle.State s = ctx.state();
        if (on == null || s == null || s.fresh() || s.since() == null || !on.isBefore(s.since())) {
            return Optional.empty();
        }
        return Optional.of(Violation.of("occurredOn", "event.date.beforeLast", on, Lifecycle.label(s.lastKind()), s.since()));
    }

    static Optional<Violation> holderWhenNeeded(Context ctx) {
        EventCommand c = ctx.command();
        if (c.holderId() != null && !ctx.holderExists()) {
            return Optional.of(Violation.of("holderId", "event.holder.unknown", c.holderId()));
        }
        if (c.kind().needsHolder() && c.holderId() == null) {
            return Optional.of(Violation.of("holderId", "event.holder.required", Lifecycle.label(c.kind())));
        }
        return Optional.empty();
    }

    /**
     * A transfer moves a lawfully held weapon to another holder: to the one who holds it already, nothing happened. (From
     * state custody a weapon may be handed back to its holder; that is not refused here.) Checked on events recorded on
     * registered weapons, not in {@link #ALL}: a legacy record imported with its holder says by TRANSFERRED how that holder
     * got it, and {@code HistoryCheck} sees the holder first.
     */
    public static Optional<Violation> transferToAnotherHolder(Context ctx) {
        EventCommand c = ctx.command();
        boolean held = ctx.state() != null && ctx.state().status() == WeaponStatus.LEGALLY_HELD;
        return c.kind() == EventKind.TRANSFERRED && held && c.holderId() != null && c.holderId().equals(ctx.currentHolder())
                ? Optional.of(Violation.of("holderId", "event.holder.same")) : Optional.empty();
    }

    static Optional<Violation> countryWhenNeeded(Context ctx) {
        EventCommand c = ctx.command();
        boolean blank = c.country() == null || c.country().isBlank();
        if (!blank && !ctx.countryKnown()) {
            return Optional.of(Violation.of("country", "country.unknown", c.country()));
        }
        if (c.kind().needsCountry() && blank) {
            return Optional.of(Violation.of("country", c.kind() == EventKind.EXPORTED ? "event.country.destination.required" : "event.country.origin.required"));
        }
        return Optional.empty();
    }

    static Optional<Violation> licenceWhenNeeded(Context ctx) {
        EventCommand c = ctx.command();
        if (c.licenceId() != null && ctx.licence().isEmpty()) {
            return Optional.of(Violation.of("licenceId", "event.licence.unknown", c.licenceId()));
        }
        if (!c.kind().needsLicence()) {
            return Optional.empty();
        }
        if (c.licenceId() == null) {
            return Optional.of(Violation.of("licenceId", "event.licence.required", Lifecycle.label(c.kind())));
        }
        Licence licence = ctx.licence().orElseThrow();
        UUID holder = c.holderId() != null ? c.holderId() : ctx.currentHolder();
        if (!Objects.equals(licence.holderId().value(), holder)) {
            return Optional.of(Violation.of("licenceId", "event.licence.otherHolder", licence.number()));
        }
        if (c.kind() == EventKind.LICENSED && c.occurredOn() != null && !licence.validOn(c.occurredOn())) {
            return Optional.of(Violation.of("licenceId", "event.licence.notValid", licence.number(), c.occurredOn()));
        }
        return Optional.empty();
    }

    static Optional<Violation> markingWhenNeeded(Context ctx) {
        return ctx.command().kind().needsMarking() && ctx.command().marking() == null
                ? Optional.of(Violation.of("marking", "event.marking.required")) : Optional.empty();
    }
}
