package org.opensalw.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensalw.identification.internal.IdentificationIndex;

/** A recall floor on a small generated register: every corruption kind must stay findable. */
class RecallFloorTests {

    @Test
    void shouldFindNearlyEveryCorruptedReadingAndFewUnregisteredOnes() {
        RegisterGenerator gen = new RegisterGenerator(42);
        Map<String, String> names = new HashMap<>();
        RegisterGenerator.MAKERS.forEach(m -> m.names().forEach(n -> names.put(n.toLowerCase(), m.code())));
        IdentificationIndex index = new IdentificationIndex(n -> names.get(n.toLowerCase()));
        gen.register(20_000).forEach(index::add);
        index.freeze();
        Map<String, int[]> byKind = new HashMap<>();
        for (RegisterGenerator.Query q : gen.queries(50)) {
            List<Candidate> found = index.identify(q.reading(), 10).candidates();
            boolean hit = found.stream().anyMatch(c -> c.weaponId().equals(q.expected()));
            int[] counts = byKind.computeIfAbsent(q.kind(), k -> new int[2]);
            counts[0] += hit ? 1 : 0;
            counts[1]++;
        }
        byKind.forEach((kind, c) -> assertThat(c[0] / (double) c[1]).as(kind).isGreaterThanOrEqualTo(0.9));
        long confident = gen.unregistered(500).stream().filter(q -> index.identify(q.reading(), 10).confident()).count();
        assertThat(confident / 500.0).isLessThanOrEqualTo(0.03);
    }
}
