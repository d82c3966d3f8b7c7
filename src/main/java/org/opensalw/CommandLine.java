package org.opensalw;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;
import org.opensalw.importing.ImportBatch;
import org.opensalw.importing.ImportManagement;
import org.opensalw.importing.ImportOptions;
import org.opensalw.importing.PreparedFile;
import org.opensalw.registry.LedgerReport;
import org.opensalw.registry.RegistryQueries;
import org.opensalw.shared.UserFacingException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;

/**
 * Commands run from the shell instead of the server: {@code java -jar opensalw.jar verify-ledger} walks the hash
 * chain and exits 0 when it is intact, 1 when a record does not match (named on standard output);
 * {@code java -jar opensalw.jar import FILE --date-format=dd/MM/yyyy [--encoding=ISO-8859-1] [--delimiter=;]
 * [--map=serial=Serial No|weapon_type=Type] [--confirm] [--errors=report.csv]} imports a very large file as a batch
 * (progress on standard output, rejected rows in the error report), exits 0 when it was read to the end (and confirmed
 * if asked), 1 otherwise, 2 when the command itself is wrong.
 */
final class CommandLine {

    private CommandLine() {
    }

    static boolean isCommand(String[] args) {
        return args.length > 0 && ("verify-ledger".equals(args[0]) || "import".equals(args[0]));
    }

    static int run(SpringApplication app, String[] args) {
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setAdditionalProfiles("cli");
        try (ConfigurableApplicationContext context = app.run(Arrays.copyOfRange(args, 1, args.length))) {
            if ("import".equals(args[0])) {
                return SystemActor.run("cli:" + System.getProperty("user.name"), Role.REGISTRAR, () -> importFile(context, args));
            }
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

    private static int importFile(ConfigurableApplicationContext context, String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                options.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
            } else if (file == null) {
                file = Path.of(a);
            }
        }
        if (file == null || !Files.isReadable(file)) {
            System.out.println("Usage: import FILE --date-format=dd/MM/yyyy [--encoding=UTF-8|ISO-8859-1] [--delimiter=,|;]"
                    + " [--map=column=Header|...] [--confirm] [--errors=FILE]" + (file == null ? "" : " (cannot read " + file + ")"));
            return 2;
        }
        ImportManagement imports = context.getBean(ImportManagement.class);
        MessageSource messages = context.getBean(MessageSource.class);
        String delimiter = options.get("delimiter");
        try {
            Map<String, String> mapping = ImportOptions.parseMapping(options.get("map"));
            PreparedFile prepared = imports.prepare(file, options.getOrDefault("encoding", "UTF-8"));
            System.out.printf("%s: %,d bytes, SHA-256 %s, %s, %d columns%n", prepared.fileName(), prepared.bytes(), prepared.sha256(),
                    prepared.format(), prepared.headers().size());
            long[] last = {0};
            ImportBatch b = imports.run(prepared.id(), new ImportOptions(options.getOrDefault("encoding", "UTF-8"),
                    delimiter == null || delimiter.isEmpty() ? null : delimiter.charAt(0), options.get("date-format"), mapping), p -> {
                        if (System.currentTimeMillis() - last[0] > 2000) {
                            last[0] = System.currentTimeMillis();
                            System.out.printf("batch %s: %,d rows read, %,d accepted, %,d rejected, %,d flagged, %.0f rows/s%s%n", p.id(), p.rowsRead(),
                                    p.rowsAccepted(), p.rowsRejected(), p.rowsFlagged(), p.rowsPerSecond() == null ? 0.0 : p.rowsPerSecond(),
                                    p.secondsLeft() == null ? "" : ", about " + p.secondsLeft() + " s left");
                        }
                    });
            System.out.printf("batch %s %s: %,d rows read, %,d accepted, %,d rejected, %,d flagged as suspected duplicates, %,d already imported%n",
                    b.id(), b.status(), b.rowsRead(), b.rowsAccepted(), b.rowsRejected(), b.rowsFlagged(), b.rowsAlready());
            if (!b.message().isEmpty()) {
                System.out.println(b.message());
            }
            if (b.rowsRejected() > 0) {
                Path report = Path.of(options.getOrDefault("errors", file + ".errors.csv"));
                try (Writer out = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
                    imports.writeErrors(b.id(), out);
                }
                System.out.println("Error report: " + report.toAbsolutePath());
            }
            if (b.status() != org.opensalw.importing.BatchStatus.LOADED) {
                return 1;
            }
            if (options.containsKey("confirm")) {
                ImportBatch c = imports.confirm(b.id());
                System.out.printf("batch %s CONFIRMED: %,d weapons and %,d holders registered%n", c.id(), c.weaponsRegistered(), c.holdersRegistered());
            } else {
                System.out.println("Review the suspected duplicates and confirm the batch in the application (Imports), or run again with --confirm.");
            }
            return 0;
        } catch (UserFacingException e) {
            e.violations().forEach(v -> System.out.println((v.field() == null ? "" : v.field() + ": ")
                    + org.opensalw.shared.Messages.resolve(messages, v, java.util.Locale.ENGLISH)));
            return 2;
        } catch (IOException e) {
            System.out.println("Could not write the error report: " + e.getMessage());
            return 1;
        }
    }
}
