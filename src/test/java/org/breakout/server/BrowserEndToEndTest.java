package org.breakout.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

import org.breakout.io.Json;

/**
 * The page in a real browser (Debian's headless chromium and chromedriver, which {@code .ci/run} installs): upload a
 * programme and an export, confirm the import, solve and watch the progress end, read the timetable grid, explain
 * an attendee, download the schedule, publish, and reallocate the grown export. Screenshots go to
 * {@code target/screenshots}, or with {@code -Dbreakout.screenshots=docs/img} to the ones docs/organisers.md shows.
 */
class BrowserEndToEndTest {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    ServerFixture fixture;
    WebDriver driver;
    WebDriverWait wait;
    Path downloads;
    Path screenshots;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver; .ci/run does)");
        fixture = new ServerFixture(dir.resolve("server"), false);
        downloads = Files.createDirectories(dir.resolve("downloads"));
        screenshots = Files.createDirectories(Path.of(System.getProperty("breakout.screenshots", "target/screenshots")));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1100", "--lang=en",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium")).toAbsolutePath());
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void uploadSolveReadTheGridDownloadPublishAndReallocate() throws Exception {
        List<String> lines = Files.readAllLines(ServerFixture.EXPORT, StandardCharsets.UTF_8);
        Path early = dir.resolve("registrations.csv");
        Files.writeString(early, String.join("\n", lines.subList(0, 351)) + "\n", StandardCharsets.UTF_8);

        driver.get(fixture.base() + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("example")));
        screenshot("serve-home");

        // A malformed programme: the event reader's problems, with their JSON paths, in the page.
        Path broken = dir.resolve("programme-with-a-typo.json");
        Files.writeString(broken, Files.readString(ServerFixture.PROGRAMME).replaceFirst("\"capacity\": (\\d+)",
                "\"capacity\": \"many\""));
        driver.findElement(By.id("programme-file")).sendKeys(broken.toAbsolutePath().toString());
        driver.findElement(By.id("create-event")).click();
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".problem")));
        assertThat(problem.getText()).contains("programme-with-a-typo.json", "rooms[0].capacity");
        screenshot("serve-problem");

        driver.findElement(By.id("programme-file")).sendKeys(ServerFixture.PROGRAMME.toAbsolutePath().toString());
        driver.findElement(By.id("create-event")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attendee-count"), "0 attendees"));

        driver.findElement(By.id("registrations-file")).sendKeys(early.toAbsolutePath().toString());
        driver.findElement(By.id("upload-registrations")).click();
        WebElement report = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-report")));
        assertThat(report.getText()).contains("Imported    registrations.csv", "350 read");
        screenshot("serve-import");
        driver.findElement(By.id("confirm-import")).click();
        wait.until(d -> !d.findElement(By.id("attendee-count")).getText().startsWith("0 "));
        assertThat(driver.findElement(By.id("attendee-count")).getText()).endsWith(" attendees");

        WebElement unimproved = driver.findElement(By.id("unimproved-limit"));
        unimproved.clear();
        unimproved.sendKeys("3s");
        driver.findElement(By.id("solve")).click();
        // The progress shows while the job runs; Schiedam often solves to its proven optimum in under a
        // second, so the page may already have moved on to the schedule when the next poll comes.
        wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("progress")),
                ExpectedConditions.visibilityOfElementLocated(By.id("version-title"))));
        // The progress ends, and the page moves on to the schedule.
        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("version-title")));
        assertThat(title.getText()).isEqualTo("Schedule version 1");
        assertThat(driver.findElement(By.id("version-summary")).getText()).contains("wanted seats filled");

        // The timetable grid, inside the export's own page.
        driver.switchTo().frame(driver.findElement(By.id("timetable")));
        List<WebElement> cells = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("table td")));
        assertThat(cells).isNotEmpty();
        String grid = driver.findElement(By.tagName("table")).getText();
        assertThat(grid).contains("Keuzesessies ronde 1");
        driver.switchTo().defaultContent();
        screenshot("serve-schedule");

        // Find an attendee (by POST) and explain their day.
        driver.findElement(By.id("attendee-query")).sendKeys("Huisman");
        driver.findElement(By.id("search")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#search-results button"))).click();
        WebElement explain = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#explain table")));
        assertThat(explain.getText()).contains("Keuzesessies ronde 1");
        assertThat(driver.getCurrentUrl()).doesNotContainIgnoringCase("huisman");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('explain').scrollIntoView()");
        screenshot("serve-explain");

        // Download the schedule and read it back.
        driver.findElement(By.id("download-schedule")).click();
        Path downloaded = downloads.resolve("schedule-version-1.json");
        wait.until(d -> Files.exists(downloaded) && downloaded.toFile().length() > 0);
        JsonNode schedule = Json.MAPPER.readTree(downloaded.toFile());
        assertThat(schedule.path("summary").path("seatsFilled").asInt()).isPositive();

        // Publish, then the grown export: the late registrations are reallocated against the published version.
        driver.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("publish"), "Published"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("reallocate")));
        driver.findElement(By.id("changes-file")).sendKeys(ServerFixture.EXPORT.toAbsolutePath().toString());
        driver.findElement(By.id("reallocate")).click();
        WebElement changes = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#changes pre")));
        assertThat(changes.getText()).contains("newcomers");
        assertThat(driver.findElement(By.id("version-title")).getText()).isEqualTo("Schedule version 2");
        assertThat(driver.findElement(By.id("notify-csv")).getAttribute("href")).endsWith("/notify.csv");
        screenshot("serve-changes");
    }

    @Test
    void stopEarlyKeepsTheBestSoFar() throws Exception {
        // The open Schiedam event (the solver places the sessions too) with a limit far away: stopped by hand.
        driver.get(fixture.base() + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("create-event")));
        driver.findElement(By.id("programme-file")).sendKeys(ServerFixture.SCHIEDAM.resolve("bnd-schiedam-2025-open.json")
                .toAbsolutePath().toString());
        driver.findElement(By.id("create-event")).click();
        WebElement unimproved = wait.until(ExpectedConditions.elementToBeClickable(By.id("unimproved-limit")));
        unimproved.clear();
        unimproved.sendKeys("10m");
        driver.findElement(By.id("solve")).click();
        wait.until(d -> d.findElement(By.id("seats")).getText().contains(" of "));
        try {
            // For the screenshot: seats being filled, the solver past placing the sessions (on a busy machine it may
            // take longer; the stop is tested either way).
            new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("seats")).getText().matches("[1-9]\\d* of \\d+")
                            && d.findElement(By.id("gap")).getText().contains("seat"));
        } catch (org.openqa.selenium.TimeoutException slow) {
            // stop it as it is
        }
        screenshot("serve-progress");
        driver.findElement(By.id("stop")).click();
        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("version-title")));
        assertThat(title.getText()).isEqualTo("Schedule version 1");
        assertThat(driver.findElement(By.id("version-solve")).getText()).contains("Made by a stopped job");
        driver.switchTo().frame(driver.findElement(By.id("timetable")));
        assertThat(wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("table td")))).isNotEmpty();
    }

    private void screenshot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve(name + ".png"), png);
    }
}
