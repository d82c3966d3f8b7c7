package org.opensalw.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer osalw_...}; a wrong, expired or revoked token, or one
 * of a disabled user, gets 401, never a fallback.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    private final JdbcClient jdbc;
    private final Clock clock;

    TokenAuthenticationFilter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record TokenOwner(UUID tokenId, String username, String roles, Instant lastUsed) {
    }

    /** The details of an authentication made with an API token (rather than a password). */
    static final String SIGNED_IN_WITH_TOKEN = "api-token";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).trim();
        Instant now = clock.instant();
        TokenOwner owner = jdbc.sql("""
                SELECT t.id, u.username, u.roles, t.last_used_at FROM api_token t JOIN app_user u ON u.id = t.user_id
                WHERE t.token_hash = :h AND t.revoked_at IS NULL AND t.expires_at > :now AND u.enabled
                """).param("h", TokenHash.of(token)).param("now", Timestamp.from(now))
                .query((rs, i) -> new TokenOwner(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional().orElse(null);
        if (owner == null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Unknown, expired or revoked API token");
            return;
        }
        if (owner.lastUsed() == null || owner.lastUsed().isBefore(now.minus(1, ChronoUnit.MINUTES))) {
            // at most one write a minute per token, not one per request
            jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(now)).param("id", owner.tokenId()).update();
        }
        String[] authorities = UserAccounts.parseRoles(owner.roles()).stream().map(Role::authority).toArray(String[]::new);
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                owner.username(), null, AuthorityUtils.createAuthorityList(authorities));
        authentication.setDetails(SIGNED_IN_WITH_TOKEN);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }
}
