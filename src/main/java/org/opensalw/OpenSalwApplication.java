package org.opensalw;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * OpenSALW: one deployable application, one node of the network. Business modules are the direct
 * sub-packages (see docs/ARCHITECTURE.md); their boundaries are verified by ModularityTests.
 */
@SpringBootApplication
@EnableScheduling
public class OpenSalwApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(OpenSalwApplication.class);
        if (CommandLine.isCommand(args)) {
            System.exit(CommandLine.run(app, args));
        }
        app.run(args);
    }
}
