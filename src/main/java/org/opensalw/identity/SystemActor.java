package org.opensalw.identity;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Work the application does on its own (start-up loads, event listeners, demo data, command-line runs) has no
 * signed-in user; it runs under a named system actor with one role, so role checks and audit records still apply.
 */
public final class SystemActor {

    private SystemActor() {
    }

    /** Runs the work as {@code name} with {@code role}, then restores whoever was acting before. */
    public static <T> T run(String name, Role role, Supplier<T> work) {
        Authentication previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                name, null, AuthorityUtils.createAuthorityList(role.authority())));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
