package org.opensalw.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opensalw.tracing.TracingFixtures.receive;
import static org.opensalw.tracing.TracingFixtures.requestPayload;
import static org.opensalw.tracing.TracingFixtures.unique;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.opensalw.TestDatabase;
import org.opensalw.identity.NewUser;
import org.opensalw.identity.Role;
import org.opensalw.identity.UserAccounts;
import org.opensalw.network.NodeRole;
import org.opensalw.network.internal.Peers;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventCommand;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.Registration;
import org.opensalw.registry.RegistryManagement;
import org.opensalw.registry.WeaponDescription;
import org.opensalw.registry.WeaponId;
import org.opensalw.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An investigator in a real browser on one node: traces a seized weapon from its page (the form refuses what the ITI
 * lacks, then sends), then answers a request that arrived from another state, from the record, in one confirmation.
 */
@TestDatabase
class TracingJourneyTests {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    RegistryManagement registry;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Peers peers;

    private WeaponId asRegistrar(String serial, EventKind last) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("test", null,
                AuthorityUtils.createAuthorityList(Role.REGISTRAR.authority())));
        try {
            WeaponId id = registry.register(new Registration(new WeaponDescription(WeaponType.ASSAULT_RIFLE, "KALASHNIKOV", null, "AKM",
                    "7.62x39mm", "RU", 1984, serial), List.of(), EventCommand.of(EventKind.IMPORTED, LocalDate.of(1999, 1, 4)).withCountry("RU"),
                    null, null));
            registry.recordEvent(id, new EventCommand(last, LocalDate.of(2024, 2, 3), "Port of Mombasa", null, null, null, null, null, null, null));
            return id;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void shouldTraceASeizedWeaponFromItsPageAndAnswerAnIncomingRequestFromTheRecord() {
        String user = unique("tr-inv-").toLowerCase();
        accounts.createUnchecked(new NewUser(user, "Tracing Investigator", Set.of(Role.INVESTIGATOR), "en", "investigator-password-1"));
        String seizedSerial = unique("BJ");
        WeaponId seized = asRegistrar(seizedSerial, EventKind.SEIZED);
        String stolenSerial = unique("BK");
        asRegistrar(stolenSerial, EventKind.REPORTED_STOLEN);

        try (Browser browser = new Browser(port)) {
            browser.logIn(user, "investigator-password-1");
            browser.open("/weapons/" + seized.value()).click(By.id("trace-weapon")).waitForText("Tracing request");
            assertThat(browser.attribute(By.id("serial"), "value")).isEqualTo(seizedSerial);
            assertThat(browser.attribute(By.id("recoveredPlace"), "value")).isEqualTo("Port of Mombasa");
            assertThat(browser.text(By.id("recipient-help"))).contains("Country of manufacture", "RU");
            browser.click(By.id("send-request")).waitForText("Please correct the following");
            assertThat(browser.text(By.id("errors"))).contains("illicit nature", "legal basis", "node to send");
            browser.screenshot("tracing-01-refused");
            // trusted only now, as KE-NFP below: a national peer of RU would have been the suggested recipient above
            TracingFixtures.trustTheRequestedNode(peers);
            browser.type("recipient", "RU-NCB").type("illicitNature", "Smuggled in a container").type("legalBasis", "Arms Act s. 12")
                    .type("intendedUse", "Criminal proceedings CASE-77");
            browser.click(By.id("send-request")).waitForText("Request sent.");
            assertThat(browser.text(By.id("request-state"))).isEqualTo("sent");
            browser.screenshot("tracing-02-sent");
            browser.click(By.id("tracing-outbox")).waitForText("Tracing requests sent");
            assertThat(browser.pageText()).contains(seizedSerial);

            // trusted only now: a national peer would have been the suggested recipient of the request above
            TracingFixtures.trust(peers, "KE-NFP", NodeRole.NATIONAL, "KE", "Kenya NFP");
            UUID conversation = UUID.randomUUID();
            receive(events, tx, "KE-NFP", conversation, "tracing.request", requestPayload(conversation, "KE-NFP", stolenSerial, "Izhmash"));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM trace_request WHERE conversation_id = :c")
                    .param("c", conversation).query(Long.class).single() == 1);
            browser.click(By.id("tracing-inbox")).waitForText(stolenSerial);
            browser.click(By.xpath("//tr[contains(., '" + stolenSerial + "')]//a")).waitForText("Request received");
            browser.click(By.id("answer-link")).waitForText("Candidates in our register");
            browser.clickAndLoad(By.cssSelector("#candidates tbody tr:nth-child(1) a.choose")).waitForText("The record"); // shown on both pages
            assertThat(browser.text(By.id("proposed-diversion"))).contains("2024-02-03");
            browser.screenshot("tracing-03-answer");
            browser.click(By.id("confirm-answer")).waitForText("Answer sent to the requesting node.");
            assertThat(browser.text(By.id("answer-outcome"))).isEqualTo("full answer");
            assertThat(browser.text(By.id("permitted-use"))).contains("Criminal investigation CASE-9");
            browser.screenshot("tracing-04-answered");

            browser.open("/tracing/sdg-16-4-2?lang=fr").waitForText("Indicateur ODD 16.4.2");
            browser.screenshot("tracing-05-sdg");
        } finally {
            TracingFixtures.forget(peers, "KE-NFP");
            TracingFixtures.forget(peers, TracingFixtures.REQUESTED);
        }
    }
}
