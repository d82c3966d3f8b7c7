package org.opensalw.network.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opensalw.network.NodeId;
import org.opensalw.network.NodeInfo;
import org.opensalw.network.NodeRole;
import org.opensalw.shared.CountryCode;
import org.opensalw.shared.Texts;
import org.opensalw.shared.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The peers this node trusts, each with its public keys (several during a rotation, each accepted until it is
 * retired) and the hub through which it is reached, if not directly.
 */
@Component
public class Peers {

    private static final Logger log = LoggerFactory.getLogger(Peers.class);

    public record PeerKey(String kid, String use, Instant addedAt, Instant retireAt, boolean usable) {
    }

    public record Peer(NodeInfo info, NodeId via, String source, Instant lastContactAt, List<PeerKey> keys) {
        public NodeId id() {
            return info.id();
        }
    }

    /** What an admin (or the configuration) says about a peer; jwks is its public JWK set as JSON, or null to keep. */
    public record PeerForm(String id, NodeRole role, String country, String name, String endpoint, String via, String jwks) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NetworkProperties properties;

    Peers(JdbcClient jdbc, Clock clock, NetworkProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void loadConfigured() {
        // hubs first, so that peers reached through them can name them
        List<Map.Entry<String, NetworkProperties.Peer>> configured = properties.getPeers().entrySet().stream()
                .sorted(java.util.Comparator.comparing(e -> !"HUB".equals(e.getValue().getRole()))).toList();
        for (Map.Entry<String, NetworkProperties.Peer> e : configured) {
            NetworkProperties.Peer p = e.getValue();
            try {
                save(new PeerForm(e.getKey(), NodeRole.valueOf(p.getRole()), p.getCountry(), p.getName() == null ? e.getKey() : p.getName(),
                        p.getEndpoint(), p.getVia(), p.getJwks()), "CONFIG");
            } catch (UserFacingException refused) {
                if (refused.violations().stream().noneMatch(v -> KID_REUSED.equals(v.code()))) {
                    throw refused;
                }
                // nothing was written for this peer: it keeps the keys this node trusted so far, and the node starts
                log.error("Peer {} from configuration not applied: {}", e.getKey(), refused.getMessage());
                continue;
            }
            log.info("Peer {} from configuration", e.getKey());
        }
    }

    public List<Peer> list() {
        Map<String, List<PeerKey>> keys = jdbc.sql("SELECT * FROM network_peer_key ORDER BY added_at DESC, kid")
                .query((rs, i) -> Map.entry(rs.getString("peer_id"), key(rs))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("SELECT * FROM network_peer ORDER BY id")
                .query((rs, i) -> peer(rs, keys.getOrDefault(rs.getString("id"), List.of()))).list();
    }

    public Optional<Peer> find(NodeId id) {
        return list().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Whether the node is known, cheaply (the inbox asks this for every message). */
    public Optional<NodeInfo> info(NodeId id) {
        return cached("info " + id, () -> jdbc.sql("SELECT * FROM network_peer WHERE id = :id").param("id", id.value())
                .query((rs, i) -> peer(rs, List.of()).info()).optional());
    }

    public Optional<NodeId> via(NodeId id) {
        return cached("via " + id, () -> jdbc.sql("SELECT via FROM network_peer WHERE id = :id").param("id", id.value())
                .query(String.class).optional().filter(v -> v != null && !v.isBlank()).map(NodeId::new));
    }

    private PeerKey key(ResultSet rs) throws SQLException {
        Instant retire = rs.getTimestamp("retire_at") == null ? null : rs.getTimestamp("retire_at").toInstant();
        return new PeerKey(rs.getString("kid"), rs.getString("use"), rs.getTimestamp("added_at").toInstant(), retire,
                retire == null || retire.isAfter(clock.instant()));
    }

    private Peer peer(ResultSet rs, List<PeerKey> keys) throws SQLException {
        String via = rs.getString("via");
        NodeInfo info = new NodeInfo(new NodeId(rs.getString("id")), NodeRole.valueOf(rs.getString("role")),
                CountryCode.parse(rs.getString("country")), rs.getString("name"), URI.create(rs.getString("endpoint")));
        return new Peer(info, via == null || via.isBlank() ? null : new NodeId(via), rs.getString("source"),
                rs.getTimestamp("last_contact_at") == null ? null : rs.getTimestamp("last_contact_at").toInstant(), keys);
    }

    /** Adds or changes a peer; keys in the given set are added, keys no longer in it retire after the grace period. */
    @Transactional
    public Peer save(PeerForm form, String source) {
        forget();
        NodeId id;
        try {
            id = new NodeId(form.id() == null ? "" : form.id().trim());
        } catch (IllegalArgumentException e) {
            throw UserFacingException.invalid("id", "network.peer.id.invalid");
        }
        if (form.role() == null) {
            throw UserFacingException.invalid("role", "network.peer.role.required");
        }
        CountryCode country;
        try {
            country = CountryCode.parse(form.country());
        } catch (RuntimeException e) {
            throw UserFacingException.invalid("country", "network.peer.country.invalid");
        }
        if (form.role() == NodeRole.NATIONAL && country == null) {
            throw UserFacingException.invalid("country", "network.peer.country.required");
        }
        URI endpoint;
        try {
            endpoint = URI.create(form.endpoint() == null ? "" : form.endpoint().trim());
            if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme()) || endpoint.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw UserFacingException.invalid("endpoint", "network.peer.endpoint.invalid");
        }
        String via = form.via() == null || form.via().isBlank() ? null : form.via().trim();
        if (via != null && (via.equals(id.value()) || info(hub(via)).filter(h -> h.role() == NodeRole.HUB).isEmpty())) {
            throw UserFacingException.invalid("via", "network.peer.via.unknown");
        }
        List<ECKey> keys = parseKeys(form.jwks());
        boolean exists = info(id).isPresent();
        if (!exists && (keys == null || keys.isEmpty())) {
            throw UserFacingException.invalid("jwks", "network.peer.jwks.required");
        }
        Map<String, StoredKey> stored = keys == null ? Map.of() : storedKeys(id);
        if (keys != null) {
            refuseReusedKeyIds(id, keys, stored);
        }
        Timestamp now = Timestamp.from(clock.instant());
        String name = form.name() == null || form.name().isBlank() ? id.value() : form.name().trim();
        jdbc.sql("""
                INSERT INTO network_peer (id, role, country, name, endpoint, via, source, created_at, updated_at)
                VALUES (:id, :role, :country, :name, :endpoint, :via, :source, :now, :now)
                ON CONFLICT (id) DO UPDATE SET role = EXCLUDED.role, country = EXCLUDED.country, name = EXCLUDED.name,
                  endpoint = EXCLUDED.endpoint, via = EXCLUDED.via, updated_at = EXCLUDED.updated_at""")
                .param("id", id.value()).param("role", form.role().name()).param("country", country == null ? null : country.value())
                .param("name", name).param("endpoint", endpoint.toString()).param("via", via).param("source", source)
                .param("now", now).update();
        if (keys != null) {
            replaceKeys(id, keys, stored);
        }
        return find(id).orElseThrow();
    }

    /** The hub a peer is reached through, as the form names it: a node id, else the field is refused (not a 500). */
    private static NodeId hub(String via) {
        try {
            return new NodeId(via);
        } catch (IllegalArgumentException e) {
            throw UserFacingException.invalid("via", "network.peer.via.invalid", Texts.cut(via, 60));
        }
    }

    private record StoredKey(String kid, String use, String jwk, Instant retireAt) {
    }

    private Map<String, StoredKey> storedKeys(NodeId id) {
        return jdbc.sql("SELECT kid, use, jwk, retire_at FROM network_peer_key WHERE peer_id = :peer").param("peer", id.value())
                .query((rs, i) -> new StoredKey(rs.getString("kid"), rs.getString("use"), rs.getString("jwk"),
                        rs.getTimestamp("retire_at") == null ? null : rs.getTimestamp("retire_at").toInstant())).list()
                .stream().collect(Collectors.toMap(StoredKey::kid, k -> k));
    }

    /**
     * A key id names one key for good: a set that gives a known kid other key material (or another use) is refused
     * before anything is written, else the old key would stay silently and the new one be ignored (or, the other way
     * round, a forged set could slip a key in under a trusted id).
     */
    private void refuseReusedKeyIds(NodeId id, List<ECKey> keys, Map<String, StoredKey> stored) {
        for (ECKey k : keys) {
            StoredKey old = stored.get(k.getKeyID());
            if (old != null && (!old.use().equals(k.getKeyUse().identifier()) || !samePublicKey(NodeKeys.parse(old.jwk()), k))) {
                log.warn("Keys of peer {} refused: key {} is already known with other key material", id, k.getKeyID());
                throw UserFacingException.invalid("jwks", KID_REUSED, k.getKeyID());
            }
        }
    }

    private static final String KID_REUSED = "network.peer.jwks.kidReused";

    private static boolean samePublicKey(ECKey a, ECKey b) {
        return a.getCurve().equals(b.getCurve()) && a.getX().equals(b.getX()) && a.getY().equals(b.getY());
    }

    private void replaceKeys(NodeId id, List<ECKey> keys, Map<String, StoredKey> stored) {
        Instant at = clock.instant();
        Timestamp now = Timestamp.from(at);
        List<String> kids = new ArrayList<>();
        for (ECKey k : keys) {
            kids.add(k.getKeyID());
            StoredKey old = stored.get(k.getKeyID());
            if (old != null && old.retireAt() != null && !old.retireAt().isAfter(at)) {
                log.info("Peer {} still lists key {}, retired at {}: it stays retired", id, k.getKeyID(), old.retireAt());
            }
            // Only a key that left the set and is still in its grace period comes back; a retired key (an admin's
            // "Retire now", or a grace period that ended) stays retired though the peer still publishes it.
            jdbc.sql("""
                    INSERT INTO network_peer_key (peer_id, kid, use, jwk, added_at) VALUES (:peer, :kid, :use, :jwk, :now)
                    ON CONFLICT (peer_id, kid) DO UPDATE SET retire_at = NULL WHERE network_peer_key.retire_at > :now""")
                    .param("peer", id.value()).param("kid", k.getKeyID()).param("use", k.getKeyUse().identifier())
                    .param("jwk", k.toPublicJWK().toJSONString()).param("now", now).update();
        }
        jdbc.sql("""
                UPDATE network_peer_key SET retire_at = :at
                WHERE peer_id = :peer AND retire_at IS NULL AND NOT (kid IN (:kids))""")
                .param("at", Timestamp.from(clock.instant().plus(properties.getKeyGrace())))
                .param("peer", id.value()).param("kids", kids).update();
    }

    /** Public EC keys with an id and a use, as JSON {"keys":[…]}; null when the text is empty. */
    static List<ECKey> parseKeys(String jwks) {
        if (jwks == null || jwks.isBlank()) {
            return null;
        }
        try {
            List<ECKey> keys = new ArrayList<>();
            for (JWK k : JWKSet.parse(jwks.trim()).getKeys()) {
                if (!(k instanceof ECKey ec) || k.getKeyID() == null || k.getKeyUse() == null || k.isPrivate()) {
                    throw UserFacingException.invalid("jwks", "network.peer.jwks.invalid");
                }
                keys.add(ec);
            }
            if (keys.stream().map(JWK::getKeyID).distinct().count() < keys.size()) {
                // one id, two keys: which one a signature names would be a guess
                throw UserFacingException.invalid("jwks", "network.peer.jwks.invalid");
            }
            if (keys.stream().noneMatch(k -> KeyUse.SIGNATURE.equals(k.getKeyUse()))
                    || keys.stream().noneMatch(k -> KeyUse.ENCRYPTION.equals(k.getKeyUse()))) {
                throw UserFacingException.invalid("jwks", "network.peer.jwks.invalid");
            }
            return keys;
        } catch (ParseException e) {
            throw UserFacingException.invalid("jwks", "network.peer.jwks.invalid");
        }
    }

    @Transactional
    public void retireKey(NodeId peer, String kid) {
        forget();
        int n = jdbc.sql("UPDATE network_peer_key SET retire_at = :now WHERE peer_id = :peer AND kid = :kid")
                .param("now", Timestamp.from(clock.instant())).param("peer", peer.value()).param("kid", kid).update();
        if (n == 0) {
            throw UserFacingException.notFound("key", kid);
        }
    }

    @Transactional
    public void delete(NodeId peer) {
        forget();
        if (jdbc.sql("SELECT count(*) FROM network_peer WHERE via = :id").param("id", peer.value()).query(Long.class).single() > 0) {
            throw UserFacingException.invalid("id", "network.peer.hubInUse");
        }
        jdbc.sql("DELETE FROM network_peer WHERE id = :id").param("id", peer.value()).update();
    }

    /** A usable public key of the peer by key id, of the given use. */
    public Optional<ECKey> key(NodeId peer, String kid, KeyUse use) {
        return cached("key " + peer + " " + kid + " " + use.identifier(), () -> jdbc.sql("""
                SELECT jwk FROM network_peer_key WHERE peer_id = :peer AND kid = :kid AND use = :use
                  AND (retire_at IS NULL OR retire_at > :now)""")
                .param("peer", peer.value()).param("kid", kid == null ? "" : kid).param("use", use.identifier())
                .param("now", Timestamp.from(clock.instant())).query(String.class).optional().map(NodeKeys::parse));
    }

    /** The newest usable encryption key of the peer. */
    public Optional<ECKey> encryptionKey(NodeId peer) {
        return cached("enc " + peer, () -> jdbc.sql("""
                SELECT jwk FROM network_peer_key WHERE peer_id = :peer AND use = 'enc' AND (retire_at IS NULL OR retire_at > :now)
                ORDER BY added_at DESC, kid LIMIT 1""")
                .param("peer", peer.value()).param("now", Timestamp.from(clock.instant())).query(String.class).optional()
                .map(NodeKeys::parse));
    }

    /**
     * Per-message look-ups (peer, route, keys) answered from memory for {@value #FRESH_SECONDS} s: without it every
     * message cost four to five queries and a JSON key parse on each side. Changes made here clear it at commit;
     * changes made by another instance sharing the database, like a key's retirement time, show within that delay
     * (as this node's own keys, {@link NodeKeys}). Only what exists is kept: the keys come from envelopes not yet
     * verified, so caching misses would let anyone grow the cache with made-up node ids and key ids.
     */
    @SuppressWarnings("unchecked")
    private <T> Optional<T> cached(String key, java.util.function.Supplier<Optional<T>> load) {
        Instant now = clock.instant();
        Cached c = cache.get(key);
        if (c == null || c.loadedAt().isBefore(now.minusSeconds(FRESH_SECONDS))) {
            c = new Cached(load.get(), now);
            if (c.value().isEmpty()) {
                cache.remove(key);
                return (Optional<T>) c.value();
            }
            cache.put(key, c);
        }
        return (Optional<T>) c.value();
    }

    private static final int FRESH_SECONDS = 30;

    private record Cached(Optional<?> value, Instant loadedAt) {
    }

    private final Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /** Forgets cached look-ups now and again when the current transaction commits (so no reader keeps the old rows). */
    private void forget() {
        cache.clear();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            cache.clear();
                        }
                    });
        }
    }

    /** Notes a contact with the peer; at most once a second, so busy links do not queue on the peer's row. */
    public void touch(NodeId peer) {
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE network_peer SET last_contact_at = :now
                WHERE id = :id AND (last_contact_at IS NULL OR last_contact_at < :before)""")
                .param("now", Timestamp.from(now)).param("before", Timestamp.from(now.minusSeconds(1))).param("id", peer.value()).update();
    }

    /** A SHA-256 thumbprint, for admins to compare keys over another channel. */
    public static String fingerprint(ECKey key) {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            return "?";
        }
    }
}
