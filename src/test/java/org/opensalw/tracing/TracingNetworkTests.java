package org.opensalw.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.opensalw.identity.NewUser;
import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;
import org.opensalw.identity.UserAccounts;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventCommand;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.HolderForm;
import org.opensalw.registry.HolderId;
import org.opensalw.registry.HolderKind;
import org.opensalw.registry.Registration;
import org.opensalw.registry.RegistryManagement;
import org.opensalw.registry.WeaponDescription;
import org.opensalw.registry.WeaponId;
import org.opensalw.support.Browser;
import org.opensalw.support.NodeSpec;
import org.opensalw.support.Nodes;

/**
 * Tracing between real nodes, each its own application and database: Kenya asks Uganda directly and Tanzania through
 * the regional hub; the answers come back to the node that asked, and only there.
 */
class TracingNetworkTests {

    static final String KE = "KE-NFP";
    static final String UG = "UG-NFP";
    static final String TZ = "TZ-NFP";
    static final String HUB = "HUB-EAC";
    static final Duration WAIT = Duration.ofSeconds(90);

    static Nodes nodes;

    @BeforeAll
    static void start() {
        nodes = Nodes.start(NodeSpec.national(KE, "KE"), NodeSpec.national(UG, "UG"), NodeSpec.national(TZ, "TZ").via(HUB),
                NodeSpec.hub(HUB));
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    static <T> T as(String node, Role role, Supplier<T> work) {
        return SystemActor.run("officer-" + node.toLowerCase(), role, work);
    }

    static TracingManagement tracing(String node) {
        return nodes.node(node).bean(TracingManagement.class);
    }

    /** A weapon of the node's register: imported, sold to a dealer, stolen from it. */
    static WeaponId stolenFromDealer(String node, String serial) {
        RegistryManagement registry = nodes.node(node).bean(RegistryManagement.class);
        return as(node, Role.REGISTRAR, () -> {
            HolderId dealer = registry.registerHolder(new HolderForm(HolderKind.COMPANY, "Kampala Arms Ltd " + serial, "UG", null, null,
                    null, null, "UG-" + serial, "dealer"));
            WeaponId id = registry.register(new Registration(new WeaponDescription(WeaponType.ASSAULT_RIFLE, "KALASHNIKOV", null, "AKM",
                    "7.62x39mm", "RU", 1981, serial), List.of(), EventCommand.of(EventKind.IMPORTED, LocalDate.of(2003, 5, 6)).withCountry("RU"),
                    null, null));
            registry.recordEvent(id, EventCommand.of(EventKind.TRANSFERRED, LocalDate.of(2004, 2, 1)).withHolder(dealer.value()));
            registry.recordEvent(id, new EventCommand(EventKind.REPORTED_STOLEN, LocalDate.of(2020, 9, 14), "Kampala", null, null, null,
                    null, null, null, null));
            return id;
        });
    }

    static TraceRequestForm request(String to, String serial, String importCountry) {
        return new TraceRequestForm(null, to, EventKind.SEIZED, LocalDate.of(2025, 4, 2), "Busia border post", "Hidden under a lorry",
                "Carried across the border without authorisation", "Firearms Act s. 89; ITI para 17", "Criminal case NRB-2025-77",
                WeaponType.ASSAULT_RIFLE, "KALASHNIKOV", "AKM", "7.62x39mm", serial, "RU", 1981,
                List.of(new TraceMarking("SERIAL", serial, null, null), new TraceMarking("IMPORT", importCountry + " 03", importCountry, 2003)));
    }

    static TraceId send(String from, TraceRequestForm form) {
        return as(from, Role.INVESTIGATOR, () -> {
            TraceId id = tracing(from).draft(form);
            tracing(from).send(id);
            return id;
        });
    }

    static TraceRequest read(String node, TraceId id) {
        return as(node, Role.INVESTIGATOR, () -> tracing(node).request(id));
    }

    /** The request as received on the other node, once it has arrived. */
    static TraceId arrived(String node, UUID conversation) {
        Nodes.await(WAIT, "request " + conversation + " on " + node, () -> nodes.node(node).jdbc().queryForObject(
                "SELECT count(*) FROM trace_request WHERE direction = 'INCOMING' AND conversation_id = ?", Long.class, conversation) == 1);
        return new TraceId(nodes.node(node).jdbc().queryForObject(
                "SELECT id FROM trace_request WHERE direction = 'INCOMING' AND conversation_id = ?", UUID.class, conversation));
    }

    static AnswerScreen screenOnceIndexed(String node, TraceId id) {
        Nodes.await(WAIT, "candidate on " + node, () -> as(node, Role.INVESTIGATOR, () -> tracing(node).answerScreen(id, null, true)).weapon() != null);
        return as(node, Role.INVESTIGATOR, () -> tracing(node).answerScreen(id, null, true));
    }

    @Test
    void shouldAnswerOnTheRequestedNodeAndBringTheAnswerBackToTheRequester() {
        String serial = TracingFixtures.unique("HP");
        WeaponId weapon = stolenFromDealer(UG, serial);
        TraceRequestForm form = request(UG, serial, "UG");
        assertThat(as(KE, Role.INVESTIGATOR, () -> tracing(KE).recipients(form)))
                .anySatisfy(r -> {
                    assertThat(r.reason()).isEqualTo(Recipient.Reason.LAST_IMPORT);
                    assertThat(r.nodeId()).isEqualTo(UG);
                });
        TraceId mine = send(KE, form);
        UUID conversation = read(KE, mine).conversationId();
        TraceId theirs = arrived(UG, conversation);
        Nodes.await(WAIT, "acknowledged on " + KE, () -> read(KE, mine).state() == TraceState.ACKNOWLEDGED);
        // delivery and acknowledgement are told by two listeners, in either order
        Nodes.await(WAIT, "delivery and acknowledgement in the history on " + KE, () -> read(KE, mine).steps().stream()
                .map(TraceStep::kind).toList().containsAll(List.of(TraceStepKind.DELIVERED, TraceStepKind.ACKNOWLEDGEMENT_RECEIVED)));

        AnswerScreen screen = screenOnceIndexed(UG, theirs);
        assertThat(screen.weapon().id()).isEqualTo(weapon);
        assertThat(screen.request().form().intendedUse()).isEqualTo("Criminal case NRB-2025-77");
        as(UG, Role.INVESTIGATOR, () -> {
            tracing(UG).answer(theirs, new AnswerForm(Outcome.FULL, weapon.value(), "Stolen from a licensed dealer", null,
                    "Criminal case NRB-2025-77", null, true));
            return null;
        });

        Nodes.await(WAIT, "answer on " + KE, () -> read(KE, mine).state() == TraceState.ANSWERED);
        TraceAnswer answer = read(KE, mine).answer();
        assertThat(answer.outcome()).isEqualTo(Outcome.FULL);
        assertThat(answer.originEstablished()).isTrue();
        assertThat(answer.lastLegalHolder().name()).isEqualTo("Kampala Arms Ltd " + serial);
        assertThat(answer.pointOfDiversion().event()).isEqualTo("REPORTED_STOLEN");
        assertThat(answer.permittedUse()).isEqualTo("Criminal case NRB-2025-77");
        assertThat(answer.answeredBy()).isEqualTo("Test node " + UG);
        // answers go only to the requesting node: nothing about this conversation reached the others
        assertThat(nodes.node(TZ).jdbc().queryForObject("SELECT count(*) FROM trace_request WHERE conversation_id = ?", Long.class,
                conversation)).isZero();
    }

    @Test
    void shouldCarryARestrictedAnswerWithItsReasonAndNothingOfTheRecord() {
        String serial = TracingFixtures.unique("RA");
        WeaponId weapon = stolenFromDealer(UG, serial);
        TraceId mine = send(KE, request(UG, serial, "UG"));
        TraceId theirs = arrived(UG, read(KE, mine).conversationId());
        screenOnceIndexed(UG, theirs);
        as(UG, Role.INVESTIGATOR, () -> {
            tracing(UG).answer(theirs, new AnswerForm(Outcome.RESTRICTED, weapon.value(), null, "Ongoing investigation in Uganda",
                    "Criminal case NRB-2025-77", false, false));
            return null;
        });
        Nodes.await(WAIT, "restricted answer on " + KE, () -> read(KE, mine).state() == TraceState.ANSWERED);
        TraceAnswer answer = read(KE, mine).answer();
        assertThat(answer.outcome()).isEqualTo(Outcome.RESTRICTED);
        assertThat(answer.restrictionReason()).isEqualTo("Ongoing investigation in Uganda");
        assertThat(answer.history()).isEmpty();
        assertThat(answer.lastLegalHolder()).isNull();
    }

    @Test
    void shouldTraceThroughTheHubWithAFollowUpQuestion() {
        String serial = TracingFixtures.unique("HB");
        TraceId mine = send(KE, request(TZ, serial, "TZ"));
        UUID conversation = read(KE, mine).conversationId();
        TraceId theirs = arrived(TZ, conversation);
        assertThat(read(TZ, theirs).counterpartNode()).isEqualTo(KE);
        assertThat(nodes.node(HUB).jdbc().queryForObject("SELECT count(*) FROM trace_request", Long.class)).isZero();
        // a hub relays requests; it does not make them (ITI para 14: states do)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> send(HUB, request(KE, serial, "KE")))
                .isInstanceOfSatisfying(org.opensalw.shared.UserFacingException.class, e -> assertThat(e.violations())
                        .extracting(org.opensalw.shared.Violation::code).contains("tracing.hub"));
        as(TZ, Role.INVESTIGATOR, () -> {
            tracing(TZ).post(theirs, "Is there a proof mark on the barrel?");
            return null;
        });
        Nodes.await(WAIT, "question on " + KE, () -> !read(KE, mine).thread().isEmpty());
        as(KE, Role.INVESTIGATOR, () -> {
            tracing(KE).post(mine, "No proof mark.");
            return null;
        });
        Nodes.await(WAIT, "reply on " + TZ, () -> read(TZ, theirs).thread().size() == 2);
        as(TZ, Role.INVESTIGATOR, () -> {
            tracing(TZ).answer(theirs, new AnswerForm(Outcome.NOT_FOUND, null, "No such serial in our records", null,
                    "Criminal case NRB-2025-77", false, false));
            return null;
        });
        Nodes.await(WAIT, "answer through the hub on " + KE, () -> read(KE, mine).state() == TraceState.ANSWERED);
        assertThat(read(KE, mine).answer().outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(read(KE, mine).thread()).extracting(TraceStep::body).containsExactly("Is there a proof mark on the barrel?", "No proof mark.");
        as(KE, Role.INVESTIGATOR, () -> {
            tracing(KE).close(mine, "Trace continues with the country of manufacture");
            return null;
        });
        Nodes.await(WAIT, "closed on " + TZ, () -> read(TZ, theirs).state() == TraceState.CLOSED);
    }

    @Test
    void shouldSendARequestInTheBrowserAnswerItOnTheOtherNodeAndSeeTheAnswerArrive() {
        String serial = TracingFixtures.unique("BR");
        stolenFromDealer(UG, serial);
        String user = "browser-" + serial.toLowerCase();
        for (String node : List.of(KE, UG)) {
            nodes.node(node).bean(UserAccounts.class).createUnchecked(new NewUser(user, "Investigator " + node, Set.of(Role.INVESTIGATOR),
                    "en", "investigator-password-1"));
        }
        try (Browser ke = new Browser(nodes.node(KE).port()); Browser ug = new Browser(nodes.node(UG).port())) {
            ke.logIn(user, "investigator-password-1");
            ke.open("/tracing/new").waitForText("Tracing request");
            ke.type("recipient", UG).select("recoveryKind", "SEIZED").type("recoveredOn", "04022025").type("recoveredPlace", "Busia")
                    .type("illicitNature", "Smuggled").type("legalBasis", "Firearms Act s. 89").type("intendedUse", "Criminal case NRB-2025-78")
                    .select("type", "ASSAULT_RIFLE").type("maker", "KALASHNIKOV").type("calibre", "7.62x39mm").type("serial", serial);
            ke.click(By.id("send-request")).waitForText("Request sent.");
            String requestUrl = ke.url();
            ke.screenshot("tracing-net-01-sent");

            ug.logIn(user, "investigator-password-1");
            Nodes.await(WAIT, "request in the inbox of " + UG, () -> ug.open("/tracing").pageText().contains(serial));
            ug.click(By.xpath("//tr[contains(., '" + serial + "')]//a")).waitForText("Request received");
            ug.clickAndLoad(By.id("answer-link"));
            java.net.URI answer = java.net.URI.create(ug.url()); // the answer page, read again until the index has the weapon
            String answerPath = answer.getRawPath() + (answer.getRawQuery() == null ? "" : "?" + answer.getRawQuery());
            Nodes.await(WAIT, "the record found on " + UG, () -> ug.open(answerPath).pageText().contains("The record"));
            ug.screenshot("tracing-net-02-answer");
            ug.click(By.id("confirm-answer")).waitForText("Answer sent to the requesting node.");

            String requestPath = java.net.URI.create(requestUrl).getRawPath();
            Nodes.await(WAIT, "the answer on " + KE, () -> ke.open(requestPath).pageText().contains("full answer"));
            assertThat(ke.text(By.id("diversion"))).contains("Reported stolen", "2020-09-14");
            assertThat(ke.text(By.id("permitted-use"))).contains("Criminal case NRB-2025-78");
            ke.screenshot("tracing-net-03-answer-arrived");
        }
    }
}
