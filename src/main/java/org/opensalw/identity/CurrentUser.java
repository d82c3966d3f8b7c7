package org.opensalw.identity;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is acting now, for the records every write carries. */
@Component
public class CurrentUser {

    /** The user name, or "system" for work the application does on its own (start-up, demo data). */
    public String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }

    public Set<Role> roles() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return Set.of();
        }
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .filter(CurrentUser::isRole)
                .map(Role::valueOf)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean has(Role role) {
        return roles().contains(role);
    }

    public boolean seesPersonalData() {
        return roles().stream().anyMatch(Role::seesPersonalData);
    }

    private static boolean isRole(String name) {
        for (Role r : Role.values()) {
            if (r.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
