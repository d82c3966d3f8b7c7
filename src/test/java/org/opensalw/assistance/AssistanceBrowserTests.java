package org.opensalw.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opensalw.TestDatabase;
import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;
import org.opensalw.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The journey of issue 6: a state files a request, a donor's offer is suggested, the match is confirmed and shows on the dashboard. */
@TestDatabase
class AssistanceBrowserTests {

    @LocalServerPort int port;
    @Autowired Actors actors;
    @Autowired AssistanceManagement management;
    @Autowired FundingCalls calls;

    private Browser browser;
    private WebDriver driver;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port);
        driver = browser.driver();
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterEach
    void closeBrowser() {
        browser.close(); // and fails the test if a page broke its Content-Security-Policy
    }

    @Test
    void shouldSuggestADonorsOfferForAFiledRequestAndShowTheConfirmedMatchOnTheDashboard() {
        donorOffers("Kingdom of Donors", "Electronic registers for Central Africa");

        browser.logIn("admin", "admin-password-for-tests");

        browser.open("/assistance/requests");
        WebElement form = driver.findElement(By.id("new-request"));
        new Select(form.findElement(By.name("country"))).selectByValue("CM");
        new Select(form.findElement(By.name("area"))).selectByValue("RECORD_KEEPING");
        form.findElement(By.name("description")).sendKeys("Electronic weapons register for the gendarmerie");
        form.findElement(By.name("beneficiary")).sendKeys("Gendarmerie nationale");
        form.findElement(By.name("estimatedCost")).sendKeys("150000");
        form.findElement(By.name("languages")).sendKeys("fr");
        screenshot("1-request-form");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(Browser.gone(form)); // the filed request's page

        List<WebElement> suggestions = new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector(".suggestion")));
        assertThat(suggestions).isNotEmpty();
        assertThat(suggestions.get(0).getText()).contains("Kingdom of Donors").contains("Same area");
        screenshot("2-suggested-offers");
        suggestions.get(0).findElement(By.cssSelector("form.confirm-match input[name=title]")).sendKeys("Gendarmerie register");
        suggestions.get(0).findElement(By.cssSelector("form.confirm-match button")).click();

        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/assistance/projects/"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Gendarmerie register");
        screenshot("3-project");

        browser.open("/assistance");
        assertThat(driver.findElement(By.id("recent-projects")).getText()).contains("Gendarmerie register").contains("Kingdom of Donors");
        assertThat(driver.findElement(By.id("active-projects")).getText()).isNotEqualTo("0");
        screenshot("4-dashboard");

        // every page of the module renders, in French too
        for (String page : List.of("/assistance/coordination", "/assistance/offers", "/assistance/projects", "/assistance/actors",
                "/assistance/reports", "/assistance/calls", "/assistance/targets", "/assistance/assessments", "/assistance?lang=fr")) {
            browser.open(page);
            assertThat(driver.findElements(By.cssSelector("main#main h1"))).as(page).hasSize(1);
            assertThat(driver.getTitle()).as(page).doesNotContain("Error");
        }
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Coopération et assistance");
        screenshot("5-dashboard-fr");
        browser.open("/assistance/calls?lang=en");
    }

    @Test
    void shouldGiveTheValuesOfACallTheRoomToBeReadBesideItsLongLabels() {
        CallId call = asDonorDesk(() -> calls.open(new NewCall(Mechanism.UNSCAR, 2029, "UNSCAR laid out", new BigDecimal("1000000"),
                Set.of(Area.MARKING), Set.of("Africa"), new BigDecimal("0.4"))));
        browser.logIn("admin", "admin-password-for-tests");

        browser.open("/assistance/calls/" + call + "?lang=fr");
        WebElement facts = driver.findElement(By.id("call-facts"));
        List<WebElement> values = facts.findElements(By.tagName("dd"));
        screenshot("6-call-fr");
        // the labels took the width: "UNSCAR (Mécanisme…)" wrapped letter by letter and the budget read "1,00 / 0,00 / 0"
        assertThat(values).allSatisfy(dd -> assertThat(dd.getSize().getWidth()).as(dd.getText())
                .isGreaterThanOrEqualTo((int) (facts.getSize().getWidth() * 0.45)));
        WebElement year = values.get(1);
        WebElement budget = values.get(2);
        assertThat(budget.getSize().getHeight()).as("the budget on one line").isEqualTo(year.getSize().getHeight());
        browser.open("/assistance/calls?lang=en");
    }

    /** What the donor desk does before the journey, as an administrator outside any page. */
    private static <T> T asDonorDesk(java.util.function.Supplier<T> work) {
        return SystemActor.run("donor-desk", Role.ADMIN, work);
    }

    private void donorOffers(String donor, String offer) {
        asDonorDesk(() -> {
            Actor d = actors.create(new NewActor(ActorKind.DONOR, donor, "NO"));
            return management.makeOffer(new NewOffer(d.id(), OfferKind.FUNDING, offer, Set.of(Area.RECORD_KEEPING), Set.of("Sub-Saharan Africa"),
                    new BigDecimal("400000"), LocalDate.now().minusMonths(1), LocalDate.now().plusYears(3), Set.of("fr", "en")));
        });
    }

    private void screenshot(String name) {
        browser.screenshot("assistance-" + name);
    }
}
