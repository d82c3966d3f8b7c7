package org.opensalw.identification;

import java.util.*;
import org.junit.jupiter.api.Test;
import org.opensalw.identification.internal.IdentificationIndex;
import org.opensalw.registry.WeaponIdentity;

class QDiagTest {
    @Test
    void diag() {
        int records = Integer.getInteger("diag.records", 1_000_000);
        RegisterGenerator gen = new RegisterGenerator(7);
        List<WeaponIdentity> register = gen.register(records);
        List<RegisterGenerator.Query> queries = gen.queries(200);
        Map<String, String> names = new HashMap<>();
        RegisterGenerator.MAKERS.forEach(m -> m.names().forEach(n -> names.put(n.toLowerCase(), m.code())));
        IdentificationIndex index = new IdentificationIndex(n -> names.get(n.toLowerCase()), records);
        register.forEach(index::add);
        index.freeze();
        Map<UUID, WeaponIdentity> byId = new HashMap<>();
        register.forEach(w -> byId.put(w.id().value(), w));
        for (var q : queries) {
            if (!q.kind().equals(System.getProperty("diag.kind", "unknown_positions"))) continue;
            var top10 = index.identify(q.reading(), 10).candidates();
            if (top10.stream().anyMatch(c -> c.weaponId().equals(q.expected()))) continue;
            var all = index.identify(q.reading(), 2000).candidates();
            int rank = -1;
            for (int i = 0; i < all.size(); i++) if (all.get(i).weaponId().equals(q.expected())) rank = i;
            WeaponIdentity w = byId.get(q.expected().value());
            System.out.printf("MISS %s true=%s/%s rank=%d of %d; top1=%s %s score %d; true score %s%n", q.reading().serial(), w.makerCode(), w.serialAsMarked(),
                    rank, all.size(), top10.isEmpty() ? "-" : top10.get(0).makerCode(), top10.isEmpty() ? "-" : top10.get(0).serial(),
                    top10.isEmpty() ? -1 : top10.get(0).score(), rank >= 0 ? all.get(rank).score() : "n/a");
        }
    }
}
