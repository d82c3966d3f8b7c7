package org.opensalw.registry.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.MarkingKind;
import org.opensalw.registry.Registration;
import org.opensalw.shared.Violation;

/** The validation rules of a new weapon record, one function each. */
public final class RegistrationRules {

    /** The registration and what the caller looked up about it. */
    public record Context(Registration registration, LocalDate today, boolean makerKnown, boolean countryKnown,
            boolean holderExists) {
    }

    public static final List<Function<Context, Optional<Violation>>> ALL = List.of(
            RegistrationRules::serialOrNationalMark, RegistrationRules::yearNotInFuture, RegistrationRules::makerKnown,
            RegistrationRules::countryKnown, RegistrationRules::originIsAnOrigin, RegistrationRules::holderKnown);

    private RegistrationRules() {
    }

    public static List<Violation> check(Context ctx) {
        return ALL.stream().map(rule -> rule.apply(ctx)).flatMap(Optional::stream).toList();
    }

    /** ITI para 8 e: a weapon without a serial must carry a unique national mark. */
    static Optional<Violation> serialOrNationalMark(Context ctx) {
        String serial = ctx.registration().description().serial();
        boolean hasNational = ctx.registration().markings().stream().anyMatch(m -> m.kind() == MarkingKind.NATIONAL);
        return (serial == null || serial.isBlank()) && !hasNational
                ? Optional.of(Violation.of("serial", "weapon.serial.required")) : Optional.empty();
    }

    static Optional<Violation> yearNotInFuture(Context ctx) {
        Integer year = ctx.registration().description().yearOfManufacture();
        return year != null && year > ctx.today().getYear()
                ? Optional.of(Violation.of("yearOfManufacture", "weapon.year.future", year)) : Optional.empty();
    }

    static Optional<Violation> makerKnown(Context ctx) {
        String code = ctx.registration().description().makerCode();
        return code != null && !code.isBlank() && !ctx.makerKnown()
                ? Optional.of(Violation.of("makerCode", "maker.unknown", code)) : Optional.empty();
    }

    static Optional<Violation> countryKnown(Context ctx) {
        String country = ctx.registration().description().countryOfManufacture();
        return country != null && !country.isBlank() && !ctx.countryKnown()
                ? Optional.of(Violation.of("countryOfManufacture", "country.unknown", country)) : Optional.empty();
    }

    static Optional<Violation> originIsAnOrigin(Context ctx) {
        var origin = ctx.registration().origin();
        return origin != null && !EventKind.ORIGINS.contains(origin.kind())
                ? Optional.of(Violation.of("origin.kind", "registration.origin.invalid", Lifecycle.label(origin.kind())))
                : Optional.empty();
    }

    static Optional<Violation> holderKnown(Context ctx) {
        return ctx.registration().holderId() != null && !ctx.holderExists()
                ? Optional.of(Violation.of("holderId", "event.holder.unknown", ctx.registration().holderId()))
                : Optional.empty();
    }
}
