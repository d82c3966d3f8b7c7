package org.opensalw.identification.internal;

import java.util.function.Supplier;
import org.opensalw.identity.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs index maintenance as the system: start-up and event listeners have no signed-in user, the registry needs one. */
final class SystemAuthentication {

    private SystemAuthentication() {
    }

    static <T> T run(Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "identification-index", null, AuthorityUtils.createAuthorityList(Role.INVESTIGATOR.authority())));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
