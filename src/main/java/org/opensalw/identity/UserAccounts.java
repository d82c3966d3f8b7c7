package org.opensalw.identity;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opensalw.shared.LockKeys;
import org.opensalw.shared.UserFacingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Users, their roles, passwords, languages and API tokens. */
@Service
@Validated
public class UserAccounts {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** bcrypt reads at most 72 bytes of a password (and refuses more). */
    static final int MAX_PASSWORD_BYTES = 72;
    /** The fewest characters of a password, whether an administrator gives it to a new user or its user changes it. */
    public static final int MIN_PASSWORD_CHARS = 10;
    /** How long a new API token lasts unless its owner says otherwise, and the longest they may choose. */
    public static final int TOKEN_DAYS = 90;
    public static final int TOKEN_MAX_DAYS = 365;
    /** User names the application records its own work under (audit trail, created_by): no person may take them. */
    static final Set<String> RESERVED = Set.of("system", "demo-data", "identification-index", "import-recovery",
            "tracing-reminders", "tracing-sdg", "anonymous");

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, CurrentUser currentUser, AuditTrail audit, Clock clock,
            ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.passwords = passwords;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a user; when no password is given one is generated and returned, to be shown once. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public NewCredential create(@Valid NewUser user) {
        return createUnchecked(user);
    }

    /** For start-up (first administrator, demo users): no caller to check. */
    @Transactional
    public NewCredential createUnchecked(NewUser user) {
        if (RESERVED.contains(user.username().toLowerCase(java.util.Locale.ROOT))) { // the names the application signs its own work with
            throw UserFacingException.invalid("username", "user.username.reserved", user.username());
        }
        requireHashable("password", user.password());
        refuseTakenName(user.username());
        String password = user.password() == null || user.password().isBlank() ? generateSecret(12) : user.password();
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("""
                    INSERT INTO app_user (id, username, display_name, password_hash, roles, locale, enabled,
                                          created_at, created_by, updated_at, updated_by)
                    VALUES (:id, :username, :displayName, :hash, :roles, :locale, TRUE, :now, :by, :now, :by)
                    """)
                    .param("id", id).param("username", user.username()).param("displayName", user.displayName())
                    .param("hash", passwords.encode(password)).param("roles", joinRoles(user.roles()))
                    .param("locale", user.locale() == null || user.locale().isBlank() ? "en" : user.locale())
                    .param("now", now).param("by", currentUser.username())
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException e) { // created a moment ago by someone else (or another instance)
            throw UserFacingException.invalid("username", "user.username.taken", user.username());
        }
        audit.recordWrite("user.create", "USER", id, "username=" + user.username() + " roles=" + joinRoles(user.roles()));
        return new NewCredential(id, user.username(), password);
    }

    /**
     * User names that differ only in case are the same name: 'alice' and 'ALICE' would be two accounts that people and
     * the audit trail mistake for one. Checked here, under a lock so that two such names created at once cannot both pass, rather
     * than by a unique index on lower(username): a database may hold such pairs already, and the index would stop its
     * migration. Signing in stays an exact match of the name, so those pairs still sign in as before.
     */
    private void refuseTakenName(String username) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LockKeys.USER_NAMES).query().singleValue();
        Optional<String> taken = jdbc.sql("""
                SELECT username FROM app_user WHERE lower(username) = lower(:u) ORDER BY username = :u DESC, username LIMIT 1""")
                .param("u", username).query(String.class).optional();
        if (taken.filter(username::equals).isPresent()) {
            throw UserFacingException.invalid("username", "user.username.taken", username);
        }
        if (taken.isPresent()) {
            throw UserFacingException.invalid("username", "user.username.takenOtherCase", username, taken.get());
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<UserAccount> list() {
        return jdbc.sql("SELECT * FROM app_user ORDER BY username").query(UserAccounts::map).list();
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = :u").param("u", username).query(UserAccounts::map).optional();
    }

    /** The enabled users holding any of these roles: whom to tell when something needs their attention. */
    @Transactional(readOnly = true)
    public List<String> usernamesWithAnyRole(java.util.Collection<Role> roles) {
        List<String> names = roles.stream().map(Role::name).toList();
        return jdbc.sql("""
                SELECT username FROM app_user
                WHERE enabled AND string_to_array(roles, ',') && CAST(:roles AS TEXT[]) ORDER BY username""")
                .param("roles", names.toArray(String[]::new)).query(String.class).list();
    }

    public boolean anyUserExists() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user)").query(Boolean.class).single();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void update(UUID userId, Set<Role> roles, boolean enabled) {
        if (roles.isEmpty()) {
            throw UserFacingException.invalid("roles", "user.roles.empty");
        }
        UserAccount changed = jdbc.sql("SELECT * FROM app_user WHERE id = :id FOR UPDATE").param("id", userId).query(UserAccounts::map)
                .optional().orElseThrow(() -> UserFacingException.notFound("user", userId));
        if (changed.username().equals(currentUser.username())) { // an administrator neither locks themself out nor grants themself more
            throw UserFacingException.invalid("roles", "user.update.self");
        }
        boolean stillAdmin = enabled && roles.contains(Role.ADMIN);
        if (!stillAdmin && changed.enabled() && changed.roles().contains(Role.ADMIN) && enabledAdmins() <= 1) {
            throw UserFacingException.invalid("roles", "user.update.lastAdmin");
        }
        String username = jdbc.sql("""
                UPDATE app_user SET roles = :roles, enabled = :enabled, updated_at = :now, updated_by = :by WHERE id = :id
                RETURNING username""")
                .param("roles", joinRoles(roles)).param("enabled", enabled)
                .param("now", Timestamp.from(clock.instant())).param("by", currentUser.username()).param("id", userId)
                .query(String.class).optional().orElseThrow(() -> UserFacingException.notFound("user", userId));
        // a web session keeps the roles it was opened with: the user's open sessions end once the change is committed (ended
        // before, a request in between could sign in again with the old roles)
        afterCommit(() -> endSessions(username, null));
        audit.recordWrite("user.update", "USER", userId, "roles=" + joinRoles(roles) + " enabled=" + enabled + "; the user's sessions end");
    }

    /** The signed-in user changes their own password, proving they know the current one. */
    @Transactional
    public void changeOwnPassword(String current, String replacement) {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = :u")
                .param("u", currentUser.username()).query(String.class).optional()
                .orElseThrow(() -> UserFacingException.notFound("user", currentUser.username()));
        if (!passwords.matches(current, hash)) {
            throw UserFacingException.invalid("currentPassword", "account.password.wrong");
        }
        if (replacement == null || replacement.length() < MIN_PASSWORD_CHARS) {
            throw UserFacingException.invalid("newPassword", "account.password.short", MIN_PASSWORD_CHARS);
        }
        requireHashable("newPassword", replacement);
        jdbc.sql("UPDATE app_user SET password_hash = :h, updated_at = :now, updated_by = :u WHERE username = :u")
                .param("h", passwords.encode(replacement)).param("now", Timestamp.from(clock.instant()))
                .param("u", currentUser.username()).update();
        // whoever else holds a session opened with the old password is signed out; this one stays
        String username = currentUser.username();
        String keep = currentSessionId();
        afterCommit(() -> endSessions(username, keep));
        // and so is every script holding one of the user's tokens: a password changed because it leaked may have
        // leaked with the tokens made under it
        int revoked = jdbc.sql("""
                UPDATE api_token SET revoked_at = :now, revoked_by = :u
                WHERE revoked_at IS NULL AND user_id = (SELECT id FROM app_user WHERE username = :u)
                """).param("now", Timestamp.from(clock.instant())).param("u", username).update();
        audit.recordWrite("account.password", "USER", username, "the user's other sessions end; " + revoked + " API tokens revoked");
    }

    /** bcrypt reads at most {@value #MAX_PASSWORD_BYTES} bytes: a longer password is refused, not silently cut. */
    private static void requireHashable(String field, String password) {
        if (password != null && password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw UserFacingException.invalid(field, "account.password.long", MAX_PASSWORD_BYTES);
        }
    }

    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }

    private long enabledAdmins() {
        // locked, so that two administrators demoting each other at once cannot both pass
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM app_user WHERE enabled AND 'ADMIN' = ANY(string_to_array(roles, ',')) FOR UPDATE) a")
                .query(Long.class).single();
    }

    /** Ends the user's web sessions (on every instance: they are kept in the database) but {@code keep}; returns how many. */
    private int endSessions(String username, String keep) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository == null) {
            return 0; // no web sessions here (the command line)
        }
        List<String> ids = repository.findByPrincipalName(username).keySet().stream().filter(id -> !id.equals(keep)).toList();
        ids.forEach(repository::deleteById);
        return ids.size();
    }

    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }

    /** Sets the signed-in user's interface language (en, fr or es). */
    @Transactional
    public void changeOwnLocale(String locale) {
        if (!Set.of("en", "fr", "es").contains(locale)) {
            throw UserFacingException.invalid("locale", "user.locale.pattern");
        }
        jdbc.sql("UPDATE app_user SET locale = :l WHERE username = :u")
                .param("l", locale).param("u", currentUser.username()).update();
    }

    /**
     * Creates an API token for the signed-in user, valid for {@code days} (1 to {@value #TOKEN_MAX_DAYS}; null for
     * {@value #TOKEN_DAYS}); the token is returned once and only its hash is kept.
     */
    @Transactional
    public NewToken createOwnToken(String name, Integer days) {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && TokenAuthenticationFilter.SIGNED_IN_WITH_TOKEN.equals(authentication.getDetails())) {
            // a stolen token must not be able to make others that outlive its revocation
            throw UserFacingException.invalid("token", "token.fromToken");
        }
        int validDays = days == null ? TOKEN_DAYS : days;
        if (validDays < 1 || validDays > TOKEN_MAX_DAYS) {
            throw UserFacingException.invalid("days", "token.days", TOKEN_MAX_DAYS);
        }
        String tokenName = name == null || name.isBlank() ? "token" : name.trim();
        if (tokenName.length() > 100) {
            throw UserFacingException.invalid("name", "token.name.long", 100);
        }
        UUID userId = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", currentUser.username())
                .query(UUID.class).optional().orElseThrow(() -> UserFacingException.notFound("user", currentUser.username()));
        String token = "osalw_" + generateSecret(32);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expires = now.plus(validDays, ChronoUnit.DAYS);
        jdbc.sql("""
                INSERT INTO api_token (id, user_id, name, token_hash, created_at, expires_at)
                VALUES (:id, :user, :name, :hash, :now, :expires)
                """).param("id", id).param("user", userId).param("name", tokenName)
                .param("hash", TokenHash.of(token)).param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires)).update();
        audit.recordWrite("token.create", "API_TOKEN", id, tokenName + ", valid until " + expires);
        return new NewToken(id, currentUser.username(), tokenName, token, expires);
    }

    @Transactional(readOnly = true)
    public List<ApiTokenInfo> ownTokens() {
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT t.* FROM api_token t JOIN app_user u ON u.id = t.user_id
                WHERE u.username = :u ORDER BY t.created_at DESC
                """).param("u", currentUser.username())
                .query((rs, i) -> {
                    Instant expires = rs.getTimestamp("expires_at").toInstant();
                    return new ApiTokenInfo(rs.getObject("id", UUID.class), rs.getString("name"), rs.getTimestamp("created_at").toInstant(),
                            instant(rs, "last_used_at"), expires, !expires.isAfter(now), instant(rs, "revoked_at"));
                })
                .list();
    }

    @Transactional
    public void revokeOwnToken(UUID tokenId) {
        int n = jdbc.sql("""
                UPDATE api_token SET revoked_at = :now, revoked_by = :u
                WHERE id = :id AND revoked_at IS NULL AND user_id = (SELECT id FROM app_user WHERE username = :u)
                """).param("now", Timestamp.from(clock.instant())).param("u", currentUser.username()).param("id", tokenId)
                .update();
        if (n == 0) {
            throw UserFacingException.notFound("token", tokenId);
        }
        audit.recordWrite("token.revoke", "API_TOKEN", tokenId, null);
    }

    static String generateSecret(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String joinRoles(Set<Role> roles) {
        return roles.stream().sorted(Comparator.naturalOrder()).map(Role::name).collect(Collectors.joining(","));
    }

    static Set<Role> parseRoles(String roles) {
        return Arrays.stream(roles.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                parseRoles(rs.getString("roles")), rs.getString("locale"), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
