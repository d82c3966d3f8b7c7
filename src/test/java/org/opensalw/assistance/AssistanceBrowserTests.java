package org.opensalw.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opensalw.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** The journey of issue 6: a state files a request, a donor's offer is suggested, the match is confirmed and shows on the dashboard. */
@TestDatabase
class AssistanceBrowserTests {

    @LocalServerPort int port;
    @Autowired Actors actors;
    @Autowired AssistanceManagement management;
    @Autowired FundingCalls calls;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        Path profile = Files.createTempDirectory(Path.of("target"), "chrome-");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--window-size=1280,1400",
                "--user-data-dir=" + profile.toAbsolutePath());
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void shouldSuggestADonorsOfferForAFiledRequestAndShowTheConfirmedMatchOnTheDashboard() throws IOException {
        donorOffers("Kingdom of Donors", "Electronic registers for Central Africa");

        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys("admin-password-for-tests");
        WebElement logIn = browser.findElement(By.cssSelector("form button[type=submit]"));
        logIn.click();
        // the login's POST must complete before the next page is asked for, or it is abandoned
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(org.opensalw.support.Browser.gone(logIn));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));

        browser.get(url("/assistance/requests"));
        WebElement form = browser.findElement(By.id("new-request"));
        new Select(form.findElement(By.name("country"))).selectByValue("CM");
        new Select(form.findElement(By.name("area"))).selectByValue("RECORD_KEEPING");
        form.findElement(By.name("description")).sendKeys("Electronic weapons register for the gendarmerie");
        form.findElement(By.name("beneficiary")).sendKeys("Gendarmerie nationale");
        form.findElement(By.name("estimatedCost")).sendKeys("150000");
        form.findElement(By.name("languages")).sendKeys("fr");
        screenshot("1-request-form");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(org.opensalw.support.Browser.gone(form)); // the filed request's page

        List<WebElement> suggestions = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector(".suggestion")));
        assertThat(suggestions).isNotEmpty();
        assertThat(suggestions.get(0).getText()).contains("Kingdom of Donors").contains("Same area");
        screenshot("2-suggested-offers");
        suggestions.get(0).findElement(By.cssSelector("form.confirm-match input[name=title]")).sendKeys("Gendarmerie register");
        suggestions.get(0).findElement(By.cssSelector("form.confirm-match button")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/assistance/projects/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Gendarmerie register");
        screenshot("3-project");

        browser.get(url("/assistance"));
        assertThat(browser.findElement(By.id("recent-projects")).getText()).contains("Gendarmerie register").contains("Kingdom of Donors");
        assertThat(browser.findElement(By.id("active-projects")).getText()).isNotEqualTo("0");
        screenshot("4-dashboard");

        // every page of the module renders, in French too
        for (String page : List.of("/assistance/coordination", "/assistance/offers", "/assistance/projects", "/assistance/actors",
                "/assistance/reports", "/assistance/calls", "/assistance/targets", "/assistance/assessments", "/assistance?lang=fr")) {
            browser.get(url(page));
            assertThat(browser.findElements(By.cssSelector("main#main h1"))).as(page).hasSize(1);
            assertThat(browser.getTitle()).as(page).doesNotContain("Error");
        }
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Coopération et assistance");
        screenshot("5-dashboard-fr");
        browser.get(url("/assistance/calls?lang=en"));
    }

    @Test
    void shouldGiveTheValuesOfACallTheRoomToBeReadBesideItsLongLabels() throws IOException {
        CallId call = asDonorDesk(() -> calls.open(new NewCall(Mechanism.UNSCAR, 2029, "UNSCAR laid out", new BigDecimal("1000000"),
                Set.of(Area.MARKING), Set.of("Africa"), new BigDecimal("0.4"))));
        signIn();

        browser.get(url("/assistance/calls/" + call + "?lang=fr"));
        WebElement facts = browser.findElement(By.id("call-facts"));
        List<WebElement> values = facts.findElements(By.tagName("dd"));
        screenshot("6-call-fr");
        // the labels took the width: "UNSCAR (Mécanisme…)" wrapped letter by letter and the budget read "1,00 / 0,00 / 0"
        assertThat(values).allSatisfy(dd -> assertThat(dd.getSize().getWidth()).as(dd.getText())
                .isGreaterThanOrEqualTo((int) (facts.getSize().getWidth() * 0.45)));
        WebElement year = values.get(1);
        WebElement budget = values.get(2);
        assertThat(budget.getSize().getHeight()).as("the budget on one line").isEqualTo(year.getSize().getHeight());
        browser.get(url("/assistance/calls?lang=en"));
    }

    private void signIn() {
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys("admin-password-for-tests");
        WebElement logIn = browser.findElement(By.cssSelector("form button[type=submit]"));
        logIn.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(org.opensalw.support.Browser.gone(logIn));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private <T> T asDonorDesk(java.util.function.Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("donor-desk", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void donorOffers(String donor, String offer) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("donor-desk", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            Actor d = actors.create(new NewActor(ActorKind.DONOR, donor, "NO"));
            management.makeOffer(new NewOffer(d.id(), OfferKind.FUNDING, offer, Set.of(Area.RECORD_KEEPING), Set.of("Sub-Saharan Africa"),
                    new BigDecimal("400000"), LocalDate.now().minusMonths(1), LocalDate.now().plusYears(3), Set.of("fr", "en")));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(dir.resolve("assistance-" + name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
