package org.opensalw.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.opensalw.registry.internal.EventRules;
import org.opensalw.registry.internal.Lifecycle;
import org.opensalw.registry.internal.RegistrationRules;
import org.opensalw.shared.Violation;

/**
 * The registry's own rules for a weapon arriving with its past (imports): the registration rules, then each event in
 * order through the event rules and the state machine, exactly as {@link RegistryManagement} checks them one by one.
 * Pure: the caller answers, through {@link Lookups}, whether makers, countries and holders are known and which licence
 * an id names. Single registration ({@link RegistryManagement#register}) and imports use this one chain of rules.
 */
public final class HistoryCheck {

    /** The violations (fields {@code origin.*}, {@code events[i].*}) and, when there are none, the final state. */
    public record Result(List<Violation> violations, WeaponStatus status, EventKind lastKind, LocalDate lastOn, String location,
            UUID holder) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    /** What the rules ask of the register: known makers (codes) and countries (alpha-2), existing holders, licences. */
    public record Lookups(Predicate<String> makerKnown, Predicate<String> countryKnown, Predicate<UUID> holderExists,
            Function<UUID, Optional<Licence>> licence) {

        /**
         * For a weapon arriving with its holder (imports): the only holder that will exist is the registration's own,
         * registered with it, and no licence is imported.
         */
        public static Lookups arriving(Registration registration, Predicate<String> makerKnown, Predicate<String> countryKnown) {
            UUID own = registration.holderId();
            return new Lookups(makerKnown, countryKnown, id -> id != null && id.equals(own), id -> Optional.empty());
        }
    }

    private HistoryCheck() {
    }

    public static Result check(Registration registration, List<EventCommand> history, LocalDate today, Lookups known) {
        WeaponDescription d = registration.description();
        String maker = EventRecorder.upper(d.makerCode());
        String country = EventRecorder.upper(d.countryOfManufacture());
        UUID registeredHolder = registration.holderId();
        List<Violation> violations = new ArrayList<>(RegistrationRules.check(new RegistrationRules.Context(registration, today,
                maker == null || known.makerKnown().test(maker), country == null || known.countryKnown().test(country),
                registeredHolder != null && known.holderExists().test(registeredHolder))));
        Lifecycle.State state = Lifecycle.registered(today);
        UUID holder = registration.holderId();
        String location = EventRecorder.nz(registration.location()).trim();
        List<EventCommand> all = new ArrayList<>();
        if (registration.origin() != null) {
            all.add(registration.origin());
        }
        all.addAll(history);
        for (int i = 0; i < all.size(); i++) {
            EventCommand c = all.get(i);
            String prefix = registration.origin() != null && i == 0 ? "origin." : "events[" + (registration.origin() != null ? i - 1 : i) + "].";
            if (c.kind() == null || c.occurredOn() == null) {
                violations.add(Violation.of(prefix + (c.kind() == null ? "kind" : "occurredOn"), "import.event.incomplete"));
                break;
            }
            String eventCountry = EventRecorder.upper(c.country());
            List<Violation> found = new ArrayList<>(EventRules.check(new EventRules.Context(c, state, d.yearOfManufacture(), holder,
                    today, c.holderId() != null && known.holderExists().test(c.holderId()),
                    eventCountry == null || known.countryKnown().test(eventCountry), known.licence().apply(c.licenceId()))));
            if (i > 0 && !EventKind.LIFECYCLE.contains(c.kind())) {
                found.add(Violation.of("kind", "event.kind.notLifecycle", c.kind()));
            }
            Lifecycle.Outcome outcome = Lifecycle.apply(state, c.kind(), c.occurredOn());
            if (!outcome.allowed()) {
                found.add(outcome.refusal());
            }
            if (!found.isEmpty()) {
                violations.addAll(EventRecorder.prefixed(prefix, found));
                break; // later events are judged against a history that is already impossible
            }
            state = outcome.next();
            holder = c.holderId() != null ? c.holderId() : holder;
            location = c.place() != null && !c.place().isBlank() ? c.place().trim() : location;
        }
        return new Result(List.copyOf(violations), state.status(), state.lastKind(), state.since(), location, holder);
    }
}
