package org.opensalw.reference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opensalw.shared.Violation;

/**
 * The first line of each key (a maker's code, a maker's model) in an imported file. A key given twice is refused, naming
 * both lines: saved twice, the last line would silently win over the first.
 */
final class FirstLines {

    private final Map<String, Long> lines = new HashMap<>();

    /** True on the key's first line; on a later one, false with a problem naming this line and the first. */
    boolean first(String key, String shown, long line, List<Violation> problems) {
        Long earlier = lines.putIfAbsent(key, line);
        if (earlier == null) {
            return true;
        }
        problems.add(Violation.of("line " + line, "reference.import.duplicate", line, shown, earlier));
        return false;
    }
}
