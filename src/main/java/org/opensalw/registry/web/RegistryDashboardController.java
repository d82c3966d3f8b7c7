package org.opensalw.registry.web;

import org.opensalw.registry.RegistryQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The dashboard (weapons by status and type, latest events) and the ledger verification page. */
@Controller
class RegistryDashboardController {

    private final RegistryQueries queries;

    RegistryDashboardController(RegistryQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        model.addAttribute("dashboard", queries.dashboard());
        return "dashboard";
    }

    @GetMapping("/ledger")
    String ledger() {
        return "ledger/ledger";
    }

    @PostMapping("/ledger/verify")
    String verify(Model model) {
        model.addAttribute("report", queries.verifyLedger());
        return "ledger/ledger";
    }
}
