package org.opensalw.shared;

/**
 * The PostgreSQL advisory locks the modules take, named once so that no two modules use the same key for different
 * things. Two-key locks, {@code pg_advisory_xact_lock(space, hashtext(...))}, take their first key from here; one-key locks
 * (a bigint) are a separate key space in PostgreSQL and are listed too.
 */
public final class LockKeys {

    /** One-key: the node's own keys while they are created or rotated (network). */
    public static final long NODE_KEYS = 5005001L;
    /** Two-key space: a weapon whose SDG 16.4.2 rows are rebuilt (tracing), second key hashtext(weapon id). */
    public static final int WEAPON_PROJECTION = 5005002;
    /** Two-key space: a tracing conversation whose messages are looked up, parked or replayed, second key hashtext(id). */
    public static final int TRACING_CONVERSATION = 5005003;
    /** Two-key space: a (recipient, conversation) messages are queued to (network outbox), second key hashtext(recipient/id). */
    public static final int OUTBOX_CONVERSATION = 5005004;
    /** One-key: the user names while a user is created (identity), so that two names equal but for case cannot both pass. */
    public static final long USER_NAMES = 5005005L;
    // One-key: an import batch being confirmed, hashtextextended(batch id, 3) (importing's BatchStore).

    private LockKeys() {
    }
}
