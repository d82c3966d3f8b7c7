package org.opensalw.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromedriver) for user-journey tests, with the small vocabulary
 * those tests need: open, type, click, read, wait, and screenshots under target/screenshots/ to look at.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    public Browser(int port) {
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("SE_AVOID_STATS", "true");
        this.baseUrl = "http://localhost:" + port;
        try {
            Path profile = Files.createTempDirectory(Path.of("target"), "chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-extensions", "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
            options.setCapability("goog:loggingPrefs", java.util.Map.of(org.openqa.selenium.logging.LogType.BROWSER, "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
            this.driver = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        // pages are replaced while we read them (navigation, htmx swaps): read again instead of failing
        this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public Browser logIn(String username, String password) {
        open("/login");
        type("username", username);
        type("password", password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        return this;
    }

    /** Types into the field with this id. */
    public Browser type(String id, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Chooses the option with this value in the select with this id. */
    public Browser select(String id, String value) {
        new org.openqa.selenium.support.ui.Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)))).selectByValue(value);
        return this;
    }

    /** Waits until the select with this id offers an option with this value (filled by htmx), then chooses it. */
    public Browser selectWhenOffered(String id, String value) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id.replace(".", "\\.") + " option[value='" + value + "']")));
        return select(id, value);
    }

    public Browser click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
        return this;
    }

    /** Clicks something that loads a new page (a form's submit button) and waits until the old page is gone. */
    public Browser clickAndLoad(By by) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        element.click();
        wait.until(gone(element));
        return this;
    }

    /**
     * The element has left the page (a new page replaced it). Chromium says so either as a stale element or, while the
     * old document is being torn down, as "Node with given id does not belong to the document", which Selenium's
     * {@code stalenessOf} does not take for staleness and throws.
     */
    public static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> gone(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException left) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e; // a closed or crashed browser is a failure, not a replaced page
            }
        };
    }

    /** Clicks the form's submit button once it can be clicked (wait for what the submission shows next). */
    public Browser submit(String formId) {
        return click(By.cssSelector("#" + formId + " button[type=submit]"));
    }

    public String text(By by) {
        return wait.until(d -> {
            WebElement e = d.findElement(by);
            return e.isDisplayed() ? e.getText() : null;
        });
    }

    public String attribute(By by, String name) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by)).getAttribute(name);
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public Browser waitForText(String text) {
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        return this;
    }

    /** As {@link #waitForText(String)}, for what background work shows (an import read or confirmed), which may take longer. */
    public Browser waitForText(String text, Duration timeout) {
        new WebDriverWait(driver, timeout).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        return this;
    }

    /** The driver itself, for what these helpers do not say (reading sizes, elements inside an element). */
    public WebDriver driver() {
        return driver;
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public Browser screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Chooses a file in the file input with this id. */
    public Browser upload(String id, Path file) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id))).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /** Fetches a URL of the application with the browser's session (e.g. a download) and returns its text. */
    public String fetchText(String url) {
        Object text = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done, e => done('ERROR ' + e));", url);
        return String.valueOf(text);
    }

    /**
     * Closes the browser, and fails the test when a page broke the Content-Security-Policy (a script or style the
     * application's own policy blocked would leave that page half working in every real browser too).
     */
    @Override
    public void close() {
        try {
            java.util.List<String> refused = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                    .map(org.openqa.selenium.logging.LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
            if (!refused.isEmpty()) {
                throw new AssertionError("The pages broke their Content-Security-Policy: " + refused);
            }
        } finally {
            driver.quit();
        }
    }
}
