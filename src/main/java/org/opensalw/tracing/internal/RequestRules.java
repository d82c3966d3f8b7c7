package org.opensalw.tracing.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.opensalw.network.NodeId;
import org.opensalw.registry.EventKind;
import org.opensalw.shared.Violation;
import org.opensalw.tracing.TraceRequestForm;

/**
 * What a request must carry before it is sent (ITI para 17), one rule per function, each naming the field to fix. A
 * draft may lack anything; sending checks every rule and reports all that fail at once.
 */
public final class RequestRules {

    private RequestRules() {
    }

    /** A rule sees the form and today's date (a recovery cannot be in the future). */
    interface Rule extends BiFunction<TraceRequestForm, LocalDate, Optional<Violation>> {
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

    /** Without a hit a trace goes to the country of manufacture: the maker or that country must be given. */
    static Optional<Violation> origin(TraceRequestForm f, LocalDate today) {
        return blank(f.maker()) && blank(f.countryOfManufacture())
                ? Optional.of(Violation.of("maker", "tracing.maker.required")) : Optional.empty();
    }

    static final List<Rule> ALL = List.of(RequestRules::recipient, RequestRules::recoveryKind, RequestRules::recoveredOn,
            RequestRules::recoveredPlace, RequestRules::illicitNature, RequestRules::legalBasis, RequestRules::intendedUse,
            RequestRules::type, RequestRules::calibre, RequestRules::markings, RequestRules::origin);

    /** Every rule the form breaks, in the order of the form. */
    public static List<Violation> check(TraceRequestForm form, LocalDate today) {
        return ALL.stream().map(r -> r.apply(form, today)).flatMap(Optional::stream).filter(Objects::nonNull).toList();
    }

    private static Optional<Violation> required(String value, String field) {
        return blank(value) ? Optional.of(Violation.of(field, "tracing." + field + ".required")) : Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
