package org.opensalw.network.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opensalw.shared.LockKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node's key pairs, kept in the database: an ES256 key that signs what it sends and an ECDH-ES key that
 * peers encrypt to. Generated at first start; {@link #rotate} adds new current keys and lets the previous ones
 * be used (to verify and decrypt what was already sealed to them) until the grace period ends.
 */
@Component
public class NodeKeys {

    private static final Logger log = LoggerFactory.getLogger(NodeKeys.class);

    /** One of this node's keys as shown to admins. */
    public record KeyInfo(String kid, String use, Instant createdAt, Instant retireAt, boolean current) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NetworkProperties properties;
    private final TransactionTemplate tx;
    private volatile Keys cache;

    /** Read from the database at most this often, so instances sharing it follow a rotation done by another. */
    private static final long CACHE_MILLIS = 30_000;

    private record Keys(ECKey signing, ECKey encryption, List<ECKey> all, long loadedAt) {
    }

    NodeKeys(JdbcClient jdbc, Clock clock, NetworkProperties properties, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.tx = tx;
    }

    private Keys keys() {
        Keys k = cache;
        if (k == null || System.currentTimeMillis() - k.loadedAt() > CACHE_MILLIS) {
            k = load();
            cache = k;
        }
        return k;
    }

    private Keys load() {
        return tx.execute(s -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LockKeys.NODE_KEYS).query().singleValue();
            if (current("sig").isEmpty() || current("enc").isEmpty()) {
                generate(clock.instant());
                log.info("Generated this node's signing and encryption keys");
            }
            return new Keys(current("sig").orElseThrow(), current("enc").orElseThrow(), usable(), System.currentTimeMillis());
        });
    }

    private Optional<ECKey> current(String use) {
        return jdbc.sql("""
                SELECT jwk FROM network_key WHERE use = :use AND (retire_at IS NULL OR retire_at > :now)
                ORDER BY created_at DESC, kid LIMIT 1""")
                .param("use", use).param("now", Timestamp.from(clock.instant()))
                .query(String.class).optional().map(NodeKeys::parse);
    }

    private List<ECKey> usable() {
        return jdbc.sql("SELECT jwk FROM network_key WHERE retire_at IS NULL OR retire_at > :now ORDER BY created_at DESC")
                .param("now", Timestamp.from(clock.instant())).query(String.class).list().stream().map(NodeKeys::parse).toList();
    }

    static ECKey parse(String json) {
        try {
            return ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("Unreadable key in the database", e);
        }
    }

    private void generate(Instant now) {
        for (String use : List.of("sig", "enc")) {
            try {
                ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(use.equals("sig") ? KeyUse.SIGNATURE : KeyUse.ENCRYPTION)
                        .keyIDFromThumbprint(true).issueTime(java.util.Date.from(now)).generate();
                jdbc.sql("INSERT INTO network_key (kid, use, jwk, created_at) VALUES (:kid, :use, :jwk, :now)")
                        .param("kid", key.getKeyID()).param("use", use).param("jwk", key.toJSONString())
                        .param("now", Timestamp.from(now)).update();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** New current keys; the previous ones stay valid for the grace period. */
    public void rotate() {
        tx.executeWithoutResult(s -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LockKeys.NODE_KEYS).query().singleValue();
            Instant now = clock.instant();
            jdbc.sql("UPDATE network_key SET retire_at = :at WHERE retire_at IS NULL")
                    .param("at", Timestamp.from(now.plus(properties.getKeyGrace()))).update();
            // created a millisecond later than anything before, so the new pair is the newest even within one clock tick
            generate(now.plusMillis(1));
        });
        cache = null;
        log.info("Rotated this node's keys; the previous ones are valid for {}", properties.getKeyGrace());
    }

    public ECKey signingKey() {
        return keys().signing();
    }

    /** A private key of this node by id, if still usable (current or within its grace period). */
    public Optional<ECKey> decryptionKey(String kid) {
        Keys k = keys();
        Optional<ECKey> found = k.all().stream().filter(e -> e.getKeyID().equals(kid) && KeyUse.ENCRYPTION.equals(e.getKeyUse())).findFirst();
        if (found.isEmpty() && cache != null) {
            cache = null; // a key may have been rotated by another instance
            found = keys().all().stream().filter(e -> e.getKeyID().equals(kid) && KeyUse.ENCRYPTION.equals(e.getKeyUse())).findFirst();
        }
        return found;
    }

    /** The public keys peers need: current and those still in their grace period. */
    public JWKSet publicKeys() {
        return new JWKSet(keys().all().stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList());
    }

    public List<KeyInfo> list() {
        Keys k = keys();
        return jdbc.sql("SELECT kid, use, created_at, retire_at FROM network_key ORDER BY created_at DESC, use")
                .query((rs, i) -> new KeyInfo(rs.getString("kid"), rs.getString("use"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("retire_at") == null ? null : rs.getTimestamp("retire_at").toInstant(),
                        rs.getString("kid").equals(k.signing().getKeyID()) || rs.getString("kid").equals(k.encryption().getKeyID())))
                .list();
    }

    /** Forgets cached keys (another instance rotated them). */
    public void refresh() {
        cache = null;
    }
}
