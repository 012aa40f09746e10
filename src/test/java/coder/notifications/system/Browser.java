package coder.notifications.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (the distribution's {@code chromium} and {@code chromium-driver}) driven by
 * Selenium, with its own cookies. Screenshots go to {@code target/screenshots/}, to be looked at.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    final ChromeDriver driver;

    Browser() {
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .build();
        var options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=1280,1000",
                "--lang=en-US",
                "--no-first-run",
                "--disable-extensions");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    Browser open(String url) {
        driver.get(url);
        return this;
    }

    WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /**
     * The result of a script run in the page. A page that refreshes parts of itself (the console's overview every
     * 10 s, its newest messages every 5 s) replaces elements between two WebDriver calls, and an element found by one
     * call is stale at the next; a script reads everything it returns in one turn of the page's event loop.
     */
    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** The visible text of the element with this id once it is there, read in one script (see {@link #script}). */
    String textOf(String id) {
        find("#" + id);
        return (String) script("var e = document.getElementById(arguments[0]); return e ? e.innerText : '';", id);
    }

    /** The text of the page; empty while a new page replaces the old one. */
    String text() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return "";
        }
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** Waits until the page's text contains the words. */
    void awaitText(String words) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(driver -> text().contains(words));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("\"" + words + "\" not on " + url() + ":\n" + text(), e);
        }
    }

    /** Saves the page as target/screenshots/{name}.png, at the width given (the height is the whole page). */
    void screenshot(String name, int width) {
        try {
            driver.manage().window().setSize(new Dimension(width, 1000));
            var height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).intValue();
            driver.manage().window().setSize(new Dimension(width, Math.min(Math.max(height + 40, 600), 4000)));
            Files.createDirectories(SCREENSHOTS);
            Files.copy(
                    driver.getScreenshotAs(OutputType.FILE).toPath(),
                    SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(new Dimension(1280, 1000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The session cookie this browser holds, for requests made outside it. */
    String sessionCookie() {
        var cookie = driver.manage().getCookieNamed("notifications_session");
        return cookie == null ? "" : "notifications_session=" + cookie.getValue();
    }

    /** A GET with this browser's session, answering the status (the browser itself cannot see statuses). */
    int status(String url) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .header("Cookie", sessionCookie())
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
