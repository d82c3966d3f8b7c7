package org.opensalw.assistance.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.opensalw.shared.UserFacingException;

/** Sets of codes stored in one text column, separated by '|'. */
public final class Codes {

    private Codes() {
    }

    public static String join(Collection<?> values) {
        return values == null ? "" : values.stream().map(Object::toString).map(String::trim).filter(s -> !s.isEmpty())
                .sorted().collect(Collectors.joining("|"));
    }

    public static Set<String> split(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split("[|,;]")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static <E extends Enum<E>> Set<E> enums(String text, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        split(text).forEach(s -> out.add(Enum.valueOf(type, s)));
        return out;
    }

    /** The two-letter codes of ISO 639-1, as Java knows them. */
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    /**
     * Language codes as ISO 639-1, lower case, as the forms and the API document them ("Languages (ISO codes)"). Any
     * other is refused, naming the field: "xx" or "english" matched no offer's, expert's or request's language.
     */
    public static Set<String> languages(String field, Collection<String> values) {
        Set<String> out = values == null ? Set.of() : values.stream().map(v -> v == null ? "" : v.trim().toLowerCase(Locale.ROOT))
                .filter(v -> !v.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        for (String code : out) {
            if (!ISO_639_1.contains(code)) {
                throw UserFacingException.invalid(field, "assistance.language.unknown", code);
            }
        }
        return out;
    }
}
