package org.opensalw.registry.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a record's fields and the previous record's hash. Each field is written as its length, a colon and
 * its text, so no two different records encode alike; null is written as "-".
 */
public final class LedgerHash {

    public static final String GENESIS = "0".repeat(64);

    private final MessageDigest digest;
    private final StringBuilder buffer = new StringBuilder(512);

    public LedgerHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hashes the fields in the order given; callers pass them in the order of {@link Ledger#FIELDS}. */
    public String hash(String prevHash, Object... fields) {
        buffer.setLength(0);
        field(prevHash);
        for (Object f : fields) {
            field(f == null ? null : f.toString());
        }
        byte[] out = digest.digest(buffer.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(out);
    }

    private void field(String s) {
        if (s == null) {
            buffer.append('-');
        } else {
            buffer.append(s.length()).append(':').append(s);
        }
        buffer.append('|');
    }
}
