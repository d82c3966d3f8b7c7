package org.opensalw.identity;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * No default password: on the first start, the first administrator gets the password set in
 * {@code opensalw.admin.password}, or a generated one printed once in the log.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserAccounts accounts;
    private final String configuredPassword;

    FirstAdministrator(UserAccounts accounts, @Value("${opensalw.admin.password:}") String configuredPassword) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyUserExists()) {
            return;
        }
        NewCredential admin;
        try {
            admin = accounts.createUnchecked(new NewUser("admin", "Administrator", Set.of(Role.ADMIN), "en",
                    configuredPassword.isBlank() ? null : configuredPassword));
        } catch (org.opensalw.shared.UserFacingException e) {
            // two instances started at once on an empty database: the other one created it (and printed its password)
            log.info("The first administrator was created by another instance starting at the same time");
            return;
        }
        if (configuredPassword.isBlank()) {
            log.warn("""

                    ================================================================
                     First administrator created. Shown once, change it after login:
                       user: admin
                       password: {}
                    ================================================================""", admin.secret());
        } else {
            log.info("First administrator 'admin' created with the password from opensalw.admin.password");
        }
    }
}
