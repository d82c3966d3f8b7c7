package org.opensalw.identification.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensalw.identification.Alert;
import org.opensalw.identification.Candidate;
import org.opensalw.identification.SerialDifference;
import org.opensalw.registry.WeaponStatus;
import org.springframework.context.MessageSource;

/**
 * The evidence of an alert, kept as facts (one {@code key=value} line each) and said in the reader's language when it is
 * shown: investigators of one country read alerts raised while a colleague of another language was working. Alerts
 * raised before the evidence was kept so are shown as they were written.
 */
public final class AlertEvidence {

    private static final String FACTS = "evidence=";

    private AlertEvidence() {
    }

    /** The recovered weapon itself had been reported lost or stolen. */
    static String itself(WeaponStatus reported) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("evidence", "self");
        f.put("status", reported.name());
        return facts(f);
    }

    /** The recovered weapon matches a candidate reported lost or stolen. */
    static String candidate(Candidate c) {
        long readDifferently = c.serialMarks().stream().filter(m -> m != SerialDifference.SAME).count();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("evidence", "candidate");
        f.put("serial", c.serial());
        f.put("readDifferently", String.valueOf(readDifferently));
        f.put("maker", c.makerCode() == null ? "" : c.makerCode());
        f.put("model", c.model() == null ? "" : c.model());
        f.put("status", c.status() == null ? "" : c.status().name());
        f.put("differs", String.join(",", c.differs()));
        f.put("score", String.valueOf(c.score()));
        return facts(f);
    }

    /** The alert with its evidence said in this language. */
    public static Alert localised(Alert a, MessageSource messages, Locale locale) {
        return new Alert(a.id(), a.weaponId(), a.recoveredSerial(), a.origin(), a.matchedWeaponId(), a.matchedEntryId(), a.matchedSerial(),
                a.score(), text(a.evidence(), messages, locale), a.raisedAt(), a.acknowledgedBy(), a.acknowledgedAt());
    }

    /** The evidence as a sentence in this language. */
    public static String text(String stored, MessageSource messages, Locale locale) {
        if (stored == null || !stored.startsWith(FACTS)) {
            return stored; // written as a sentence, in English, before the facts were kept
        }
        Map<String, String> f = parse(stored);
        String status = f.getOrDefault("status", "");
        String reported = status.isEmpty() ? "" : messages.getMessage("status." + status, null, status, locale);
        if ("self".equals(f.get("evidence"))) {
            return messages.getMessage("watch.evidence.self", new Object[] {reported}, locale);
        }
        long readDifferently = Long.parseLong(f.getOrDefault("readDifferently", "0"));
        String serial = readDifferently == 0 ? messages.getMessage("watch.evidence.sameSerial", null, locale)
                : messages.getMessage("watch.evidence.lookAlikes", new Object[] {readDifferently}, locale);
        String unknown = messages.getMessage("watch.evidence.unknown", null, locale);
        List<String> differs = f.getOrDefault("differs", "").isEmpty() ? List.of() : Arrays.stream(f.get("differs").split(","))
                .map(d -> messages.getMessage("identification.attr." + d, null, d, locale)).toList();
        String differing = differs.isEmpty() ? "" : messages.getMessage("watch.evidence.differs", new Object[] {String.join(", ", differs)}, locale);
        return messages.getMessage("watch.evidence.candidate", new Object[] {f.get("serial"), serial, blankAs(f.get("maker"), unknown),
                blankAs(f.get("model"), unknown), reported, differing, f.get("score")}, locale);
    }

    private static String blankAs(String value, String instead) {
        return value == null || value.isEmpty() ? instead : value;
    }

    private static String facts(Map<String, String> facts) {
        StringBuilder sb = new StringBuilder();
        facts.forEach((k, v) -> sb.append(k).append('=').append(v.replace("\\", "\\\\").replace("\n", "\\n")).append('\n'));
        return sb.toString();
    }

    private static Map<String, String> parse(String stored) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String line : stored.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                f.put(line.substring(0, eq), unescape(line.substring(eq + 1)));
            }
        }
        return f;
    }

    private static String unescape(String v) {
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char next = v.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
