package org.opensalw.identity;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Logins and failed logins go to the audit trail. */
@Component
class LoginAuditListener {

    private final AuditTrail audit;

    LoginAuditListener(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void onSuccess(InteractiveAuthenticationSuccessEvent event) {
        audit.record(event.getAuthentication().getName(), AuditKind.LOGIN, "login", "USER", event.getAuthentication().getName(), null);
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String name = LoginThrottle.recorded(event.getAuthentication().getName()); // whatever was typed, of any length
        audit.record(name, AuditKind.LOGIN_FAILED, "login", "USER", name, event.getException().getClass().getSimpleName());
    }
}
