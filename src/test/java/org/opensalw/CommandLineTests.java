package org.opensalw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

/** {@code java -jar opensalw.jar verify-ledger}: walks the chain of a register and exits 0 when it is intact. */
class CommandLineTests {

    @Test
    void shouldVerifyTheLedgerFromTheCommandLine() {
        assertThat(CommandLine.isCommand(new String[] {"verify-ledger"})).isTrue();
        assertThat(CommandLine.isCommand(new String[] {"--server.port=1"})).isFalse();
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true));
        int code;
        try {
            code = CommandLine.run(new SpringApplication(OpenSalwApplication.class), new String[] {"verify-ledger",
                    "--opensalw.data-dir=target/test-data/cli-" + UUID.randomUUID(), "--opensalw.admin.password=cli-test-password"});
        } finally {
            System.setOut(out);
        }
        assertThat(code).isZero();
        assertThat(printed.toString()).contains("Ledger intact");
    }
}
