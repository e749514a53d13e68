package dk.qnet.statistics.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.qnet.contracts.EventType;
import dk.qnet.testing.AxeCore;
import dk.qnet.testing.HeadlessBrowser;
import dk.qnet.testing.KafkaProbe;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium: it loads, a filter changes, and every figure shown equals
 * the API's for the same filter. axe-core finds nothing serious on a desktop or a phone.
 */
@QuarkusTest
class DashboardBrowserTest {

    @TestHTTPResource("/")
    URL root;

    static void feed() {
        KafkaProbe.sendEvent(EventType.NETWORK_UPDATED, "net-dashboard", """
                {"networkId":"net-dashboard","name":"Qnet Dashboard","municipalityCodes":["0253"],"active":true,"updatedAt":"2019-01-02T09:00:00Z"}
                """);
        for (int i = 0; i < 16; i++) {
            UUID id = UUID.randomUUID();
            KafkaProbe.sendEvent(EventType.REFERRAL_RECEIVED, id.toString(), """
                    {"referralId":"%s","receivedAt":"2019-%s-%02dT10:00:00Z","municipalityCode":"0253","networkId":"net-dashboard",
                     "senderType":"SHELTER","childrenBirthYears":[2012],"consentScopes":["STATISTICS"]}
                    """.formatted(id, i < 9 ? "02" : "03", i + 1));
        }
        for (int a = 0; a < 7; a++) {
            KafkaProbe.sendEvent(EventType.ACTIVITY_HELD, UUID.randomUUID().toString(), """
                    {"activityId":"%s","networkId":"net-dashboard","type":"EXCURSION","startsAt":"2019-06-%02dT10:00:00Z",
                     "women":5,"children":6,"volunteers":3}
                    """.formatted(UUID.randomUUID(), a + 1));
        }
    }

    @Test
    void theFiguresShownAreTheApisAndThePageIsAccessibleOnDesktopAndPhone() throws Exception {
        feed();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath h = given().get("/api/v1/statistics/headline?year=2019&region=1085").then().extract().jsonPath();
            assertEquals(16, h.getInt("figures.referralsReceived.value"));
            assertEquals(7, h.getInt("figures.activitiesHeld.value"));
        });
        JsonPath api = given().get("/api/v1/statistics/headline?year=2019&region=1085").then().statusCode(200).extract().jsonPath();

        ChromeDriver browser = HeadlessBrowser.start(1280, 900);
        try {
            browser.get(root.toString());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
            assertEquals("Qnet i tal", browser.findElement(By.tagName("h1")).getText());

            new Select(browser.findElement(By.id("year"))).selectByValue("2019");
            new Select(browser.findElement(By.id("region"))).selectByValue("1085");
            wait.until(d -> "year=2019&region=1085".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));

            Map<String, Object> figures = api.getMap("figures");
            for (String kpi : figures.keySet()) {
                assertEquals(api.getString("figures." + kpi + ".display"), browser.findElement(By.id("kpi-" + kpi)).getText(), kpi);
            }
            assertEquals("16", browser.findElement(By.id("kpi-referralsReceived")).getText());
            // The table behind the chart shows the API's months, suppression and all.
            List<String> months = api.getList("trends.referralsReceived.figure.display");
            List<String> shown = browser.findElements(By.cssSelector("#table-referralsReceived tbody td")).stream()
                    .map(e -> e.getDomProperty("textContent")).toList();
            assertEquals(months, shown);
            assertTrue(browser.findElement(By.id("status")).getText().contains("Region Sjælland"));
            // Each chart's CSV link gives the same figures.
            String csvLink = browser.findElement(By.id("csv-referralsReceived")).getDomAttribute("href");
            String csv = given().get(csvLink).then().statusCode(200).extract().asString();
            assertTrue(csv.contains("referralsReceived,1085,2019-02,9,9,false"), csv);
            assertTrue(csv.contains("referralsReceived,1085,2019-03,7,7,false"), csv);
            assertEquals(5, browser.findElements(By.cssSelector(".chart svg")).size(), "each of the five charts is drawn");

            assertEquals(List.of(), AxeCore.seriousViolations(browser), "axe-core on the desktop");
            screenshot(browser, "dashboard-desktop.png");

            browser.manage().window().setSize(new org.openqa.selenium.Dimension(375, 800));
            browser.navigate().refresh();
            wait.until(d -> "year=2019&region=1085".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
            long overflow = (Long) browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0, overflow, "the page scrolls sideways at 375 px");
            assertEquals(List.of(), AxeCore.seriousViolations(browser), "axe-core on a phone");
            screenshot(browser, "dashboard-phone.png");
        } finally {
            browser.quit();
        }
    }

    static void screenshot(ChromeDriver browser, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
