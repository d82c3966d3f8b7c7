package org.opensalw.tracing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.opensalw.network.NodeId;
import org.opensalw.registry.EventKind;
import org.opensalw.shared.Violation;
import org.opensalw.tracing.TraceMarking;
import org.opensalw.tracing.TraceRequestForm;

/**
 * What a request must carry before it is sent (ITI para 17), one rule per function, each naming the field to fix. A
 * draft may lack anything; sending checks every rule and reports all that fail at once. Some rules need what this node
 * knows ({@link Known}): the countries of the reference data, and its peers.
 */
public final class RequestRules {

    /** The oldest year of manufacture or of a marking taken, as the register takes (registry WeaponDescription, MarkingInput). */
    static final int OLDEST_YEAR = 1800;

    private RequestRules() {
    }

    /** A rule sees the form and today's date (a recovery cannot be in the future). */
    interface Rule extends BiFunction<TraceRequestForm, LocalDate, Optional<Violation>> {
    }

    /**
     * What this node knows that a request is checked against: its own id, the ISO alpha-2 codes of the reference countries,
     * and whether a node is one of its peers (a request to another node would wait forever for a route).
     */
    public record Known(String self, Set<String> countries, Predicate<NodeId> peer) {
    }


    static Optional<Violation> recipient(TraceRequestForm f, LocalDate today) {
        if (blank(f.recipient())) {
            return Optional.of(Violation.of("recipient", "tracing.recipient.required"));
        }
        try {
            new NodeId(f.recipient().trim());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(Violation.of("recipient", "tracing.recipient.invalid", f.recipient()));
        }
    }

    static Optional<Violation> recoveryKind(TraceRequestForm f, LocalDate today) {
        return f.recoveryKind() != null && EventKind.RECOVERIES.contains(f.recoveryKind()) ? Optional.empty()
                : Optional.of(Violation.of("recoveryKind", "tracing.recoveryKind.required"));
    }

    static Optional<Violation> recoveredOn(TraceRequestForm f, LocalDate today) {
        if (f.recoveredOn() == null) {
            return Optional.of(Violation.of("recoveredOn", "tracing.recoveredOn.required"));
        }
        return f.recoveredOn().isAfter(today) ? Optional.of(Violation.of("recoveredOn", "tracing.recoveredOn.future", f.recoveredOn()))
                : Optional.empty();
    }

    static Optional<Violation> recoveredPlace(TraceRequestForm f, LocalDate today) {
        return required(f.recoveredPlace(), "recoveredPlace");
    }

    static Optional<Violation> illicitNature(TraceRequestForm f, LocalDate today) {
        return required(f.illicitNature(), "illicitNature");
    }

    static Optional<Violation> legalBasis(TraceRequestForm f, LocalDate today) {
        return required(f.legalBasis(), "legalBasis");
    }

    static Optional<Violation> intendedUse(TraceRequestForm f, LocalDate today) {
        return required(f.intendedUse(), "intendedUse");
    }

    static Optional<Violation> type(TraceRequestForm f, LocalDate today) {
        return f.type() == null ? Optional.of(Violation.of("type", "tracing.type.required")) : Optional.empty();
    }

    static Optional<Violation> calibre(TraceRequestForm f, LocalDate today) {
        return required(f.calibre(), "calibre");
    }

    /** A weapon is traced by its markings: the serial, or at least one other marking when the serial is gone. */
    static Optional<Violation> markings(TraceRequestForm f, LocalDate today) {
        boolean anyMarking = f.markings().stream().anyMatch(m -> !blank(m.text()));
        return blank(f.serial()) && !anyMarking ? Optional.of(Violation.of("serial", "tracing.serial.required")) : Optional.empty();
    }

    /** A year of manufacture (when given) that the weapon can have: not in the future, not before {@value #OLDEST_YEAR}. */
    static Optional<Violation> yearOfManufacture(TraceRequestForm f, LocalDate today) {
        Integer year = f.yearOfManufacture();
        return year != null && !possibleYear(year, today)
                ? Optional.of(Violation.of("yearOfManufacture", "tracing.yearOfManufacture.range", year, OLDEST_YEAR, today.getYear()))
                : Optional.empty();
    }

    /** Each marking's year, as the year of manufacture; named by the marking's place (markings[0].year, "marking 1"). */
    static List<Violation> markingYears(TraceRequestForm f, LocalDate today) {
        List<Violation> found = new ArrayList<>();
        for (int i = 0; i < f.markings().size(); i++) {
            TraceMarking m = f.markings().get(i);
            if (m != null && m.year() != null && !possibleYear(m.year(), today)) {
                found.add(Violation.of("markings[" + i + "].year", "tracing.markingYear.range", i + 1, m.year(), OLDEST_YEAR,
                        today.getYear()));
            }
        }
        return found;
    }

    /** A country of manufacture (when given) that the reference data knows: the trace may go there. */
    static Optional<Violation> countryOfManufacture(TraceRequestForm f, Known known) {
        String country = f.countryOfManufacture();
        return !blank(country) && !knownCountry(country, known)
                ? Optional.of(Violation.of("countryOfManufacture", "tracing.countryOfManufacture.unknown", country))
                : Optional.empty();
    }

    /** Each marking's country (an import mark's is the importing state, ITI para 8 b), known to the reference data. */
    static List<Violation> markingCountries(TraceRequestForm f, Known known) {
        List<Violation> found = new ArrayList<>();
        for (int i = 0; i < f.markings().size(); i++) {
            TraceMarking m = f.markings().get(i);
            if (m != null && !blank(m.country()) && !knownCountry(m.country(), known)) {
                found.add(Violation.of("markings[" + i + "].country", "tracing.markingCountry.unknown", i + 1, m.country()));
            }
        }
        return found;
    }

    /**
     * The recipient is one of this node's peers, and not this node: the network delivers only to peers, so a request to
     * another node would be sent and then retried forever. A recipient missing or not a node id is {@link #recipient}'s.
     */
    static Optional<Violation> recipientReachable(TraceRequestForm f, Known known) {
        NodeId node;
        try {
            node = blank(f.recipient()) ? null : new NodeId(f.recipient().trim());
        } catch (IllegalArgumentException e) {
            node = null;
        }
        if (node == null) {
            return Optional.empty();
        }
        if (node.value().equals(known.self())) {
            return Optional.of(Violation.of("recipient", "tracing.recipient.self"));
        }
        return known.peer().test(node) ? Optional.empty()
                : Optional.of(Violation.of("recipient", "tracing.recipient.notPeer", node.value()));
    }

    /** Without a hit a trace goes to the country of manufacture: the maker or that country must be given. */
    static Optional<Violation> origin(TraceRequestForm f, LocalDate today) {
        return blank(f.maker()) && blank(f.countryOfManufacture())
                ? Optional.of(Violation.of("maker", "tracing.maker.required")) : Optional.empty();
    }

    static final List<Rule> ALL = List.of(RequestRules::recipient, RequestRules::recoveryKind, RequestRules::recoveredOn,
            RequestRules::recoveredPlace, RequestRules::illicitNature, RequestRules::legalBasis, RequestRules::intendedUse,
            RequestRules::type, RequestRules::calibre, RequestRules::markings, RequestRules::origin, RequestRules::yearOfManufacture);

    /** Every rule of the form alone that it breaks, in the order of the form, then its markings'. */
    public static List<Violation> check(TraceRequestForm form, LocalDate today) {
        List<Violation> found = new ArrayList<>(ALL.stream().map(r -> r.apply(form, today)).flatMap(Optional::stream)
                .filter(Objects::nonNull).toList());
        found.addAll(markingYears(form, today));
        return found;
    }

    /** Every rule the form breaks, those of the form alone and those against what this node knows: what sending checks. */
    public static List<Violation> check(TraceRequestForm form, LocalDate today, Known known) {
        List<Violation> found = new ArrayList<>(check(form, today));
        recipientReachable(form, known).ifPresent(found::add);
        countryOfManufacture(form, known).ifPresent(found::add);
        found.addAll(markingCountries(form, known));
        return found;
    }

    private static boolean possibleYear(int year, LocalDate today) {
        return year >= OLDEST_YEAR && year <= today.getYear();
    }

    private static boolean knownCountry(String code, Known known) {
        return known.countries().contains(code.trim().toUpperCase(Locale.ROOT));
    }

    private static Optional<Violation> required(String value, String field) {
        return blank(value) ? Optional.of(Violation.of(field, "tracing." + field + ".required")) : Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
