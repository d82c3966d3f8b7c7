package org.opensalw;

import java.util.Arrays;
import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;
import org.opensalw.registry.LedgerReport;
import org.opensalw.registry.RegistryQueries;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Commands run from the shell instead of the server: {@code java -jar opensalw.jar verify-ledger} walks the hash
 * chain and exits 0 when it is intact, 1 when a record does not match (named on standard output).
 */
final class CommandLine {

    private CommandLine() {
    }

    static boolean isCommand(String[] args) {
        return args.length > 0 && "verify-ledger".equals(args[0]);
    }

    static int run(SpringApplication app, String[] args) {
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setAdditionalProfiles("cli");
        try (ConfigurableApplicationContext context = app.run(Arrays.copyOfRange(args, 1, args.length))) {
            // the command line acts as the operating-system user who ran it, with the auditor's rights
            LedgerReport report = SystemActor.run("cli:" + System.getProperty("user.name"), Role.AUDITOR,
                    () -> context.getBean(RegistryQueries.class).verifyLedger());
            if (report.intact()) {
                System.out.printf("Ledger intact: %d records checked in %d ms%n", report.recordsChecked(), report.millis());
                return 0;
            }
            System.out.printf("LEDGER BROKEN at record %d: %s (%d records checked)%n", report.firstBadSeq(), report.problem(),
                    report.recordsChecked());
            return 1;
        }
    }
}
