package org.opensalw.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.opensalw.shared.Texts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, at the sign-in page and with HTTP Basic on the API alike: after {@link #ATTEMPTS} wrong
 * passwords for one user name from one address within {@link #WINDOW}, that address may not sign in as that user until
 * the oldest of them is older than the window (the account is then reported locked, before any password is checked, and
 * the attempt is recorded as such). Counted from the failed sign-ins the audit trail records (so every instance
 * sees the same count); a refused attempt is not counted, so the lock ends on its own. Per address, so that someone who
 * knows a user name cannot lock its owner out from elsewhere.
 */
@Component
class LoginThrottle {

    static final int ATTEMPTS = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The user name as the audit trail records a sign-in attempt with it (what anyone types is cut). */
    static String recorded(String typed) {
        return Texts.cut(String.valueOf(typed), 100);
    }

    /** Whether this address may not sign in as this user now. */
    boolean locked(String username) {
        long failures = jdbc.sql("""
                SELECT count(*) FROM audit_entry
                WHERE username = :u AND at > :since AND kind = 'LOGIN_FAILED' AND detail = 'BadCredentialsException'
                  AND remote_addr IS NOT DISTINCT FROM :addr""")
                .param("u", recorded(username)).param("since", Timestamp.from(clock.instant().minus(WINDOW)))
                .param("addr", AuditTrail.remoteAddress()).query(Long.class).single();
        return failures >= ATTEMPTS;
    }
}
