package org.opensalw.importing.internal;

import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;
import org.opensalw.importing.ImportManagement;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A batch whose process died while reading it stays RUNNING in the database with a heartbeat that no longer moves:
 * at start and every half minute such batches are marked INTERRUPTED (visible, voidable; nothing of them is in the
 * register, since only confirmation writes there, in one transaction).
 */
@Component
class Recovery implements ApplicationRunner {

    private final ImportManagement imports;

    Recovery(ImportManagement imports) {
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments args) {
        check();
    }

    @Scheduled(fixedDelayString = "${opensalw.import.stale-check-millis:30000}", initialDelayString = "${opensalw.import.stale-check-millis:30000}")
    public void check() {
        SystemActor.run("import-recovery", Role.REGISTRAR, imports::markInterrupted);
    }
}
