package org.opensalw.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.opensalw.registry.internal.EventRules;
import org.opensalw.registry.internal.Lifecycle;
import org.opensalw.registry.internal.RegistrationRules;
import org.opensalw.shared.Violation;

/**
 * The registry's own rules for a weapon arriving with its past (imports): the registration rules, then each event in
 * order through the event rules and the state machine, exactly as {@link RegistryManagement} checks them one by one.
 * Pure: the caller answers whether makers and countries are known and whether the holder will exist.
 */
public final class HistoryCheck {

    /** The violations (fields {@code origin.*}, {@code events[i].*}) and, when there are none, the final state. */
    public record Result(List<Violation> violations, WeaponStatus status, EventKind lastKind, LocalDate lastOn, String location,
            UUID holder) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    private HistoryCheck() {
    }

    public static Result check(Registration registration, List<EventCommand> history, LocalDate today,
            Predicate<String> makerKnown, Predicate<String> countryKnown, boolean holderWillExist) {
        WeaponDescription d = registration.description();
        String maker = EventRecorder.upper(d.makerCode());
        String country = EventRecorder.upper(d.countryOfManufacture());
        List<Violation> violations = new ArrayList<>(RegistrationRules.check(new RegistrationRules.Context(registration, today,
                maker == null || makerKnown.test(maker), country == null || countryKnown.test(country), holderWillExist)));
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
                    today, c.holderId() == null || c.holderId().equals(registration.holderId()) && holderWillExist,
                    eventCountry == null || countryKnown.test(eventCountry), Optional.empty())));
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
