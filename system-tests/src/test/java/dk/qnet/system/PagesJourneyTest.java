package dk.qnet.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.qnet.testing.AxeCore;
import dk.qnet.testing.HeadlessBrowser;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages' main journeys in Debian's Chromium, headless, against the running suite with real
 * Keycloak logins (authorization code flow): a shelter submits a referral through the form; the
 * coordinator accepts it, approves the engine's proposal on the matching board and logs a
 * meeting; the shelter sees the status change; a coordinator of another network can't open it.
 * On every page: axe-core finds no serious or critical violation, the page fits 375 px, and it
 * is sent with Cache-Control: no-store. Screenshots go to target/screenshots.
 */
class PagesJourneyTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String WOMAN = "Pagecanary";

    private static RunningSuite suite;
    private static ChromeDriver browser;
    private static final List<String> checkedPages = new ArrayList<>();

    @BeforeAll
    static void up() throws Exception {
        browser = HeadlessBrowser.start(1280, 1000);
        suite = RunningSuite.start();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void down() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (suite != null) {
                suite.close();
            }
        }
    }

    /** A good start logs no WARN or ERROR line, in plain text (ReferralJourneyTest checks the JSON form). */
    @Test
    void aGoodStartLogsNoWarning() {
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), suite.warningsAtStart);
    }

    @Test
    void aReferralTravelsFromTheShelterFormToAMeetingOnTheBoardAndBack() throws Exception {
        String referrals = suite.baseUrl(suite.referralPort) + "/sider/henvisninger";
        String matching = suite.baseUrl(suite.matchingPort) + "/sider";

        // 1. The shelter: log in through Keycloak, fill in the form, see the errors, send it.
        browser.get(referrals + "/ny");
        logIn("shelter-odense");
        waitFor(() -> browser.getCurrentUrl().endsWith("/sider/henvisninger/ny"));
        checkPage("referral-form");
        fillReferralForm("123");
        browser.findElement(By.id("send")).click();
        // The browser's check stops a wrong phone number before it is sent, with the reason next to the field.
        WebElement phoneError = browser.findElement(By.id("woman.phone-error"));
        assertTrue(phoneError.isDisplayed() && phoneError.getText().contains("8 cifre"), phoneError.getText());
        assertEquals("true", browser.findElement(By.id("woman.phone")).getDomAttribute("aria-invalid"));
        assertTrue(browser.getCurrentUrl().endsWith("/ny"));
        // The server's check: consent to Qnet's contact is required; its error lands next to the consent.
        setValue("woman.phone", "22 33 44 55");
        browser.findElement(By.id("send")).click();
        waitFor(() -> browser.findElements(By.id("form-errors")).size() == 1);
        assertTrue(browser.findElement(By.id("consent.scopes-error")).getText().contains("kontakt fra Qnet"),
                browser.findElement(By.id("consent.scopes-error")).getText());
        assertEquals(WOMAN, browser.findElement(By.id("woman.firstName")).getDomProperty("value"), "the form comes back filled in");
        checkPage("referral-form-errors");
        click(By.cssSelector("input[name='consent.scopes'][value='QNET_CONTACT']"));
        browser.findElement(By.id("send")).click();
        waitFor(() -> browser.getCurrentUrl().contains("sendt=true") && browser.getPageSource().contains("Henvisningen er sendt"));
        String id = idIn(browser.getCurrentUrl());
        assertEquals("Modtaget", browser.findElement(By.id("status")).getText());
        assertFalse(browser.getCurrentUrl().contains(WOMAN), "no personal data in URLs");
        checkPage("referral-sent");
        browser.get(referrals);
        assertTrue(browser.getPageSource().contains(id), "the shelter's list shows the referral");
        checkPage("referral-list-shelter");
        logOut();

        // 2. The coordinator: the inbox, her contact data (audited), accept.
        browser.get(referrals + "/" + id);
        logIn("coordinator-odense");
        waitFor(() -> browser.getCurrentUrl().endsWith(id));
        assertTrue(browser.getPageSource().contains(WOMAN + " Journey"), "the coordinator sees her name");
        checkPage("referral-coordinator");
        browser.findElement(By.id("accept")).click();
        waitFor(() -> browser.findElement(By.id("status")).getText().equals("Taget imod"));
        browser.get(referrals);
        checkPage("referral-inbox");
        // Another referral, rejected with a coded reason.
        String other = apiReferral("shelter-odense");
        browser.get(referrals + "/" + other);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("reject-reason"))).selectByValue("OUT_OF_AREA");
        browser.findElement(By.xpath("//button[normalize-space()='Afvis']")).click();
        waitFor(() -> browser.findElement(By.id("status")).getText().equals("Afvist"));
        assertTrue(browser.findElement(By.cssSelector("ol.history")).getText().contains("Uden for netværkets område"));
        checkPage("referral-rejected");
        // A page gone stale: another coordinator rejected the referral after this one opened it, so her click changes
        // nothing. (Rejected, not accepted: an accepted woman would wait for the volunteer the board below proposes.)
        String stale = apiReferral("shelter-odense");
        browser.get(referrals + "/" + stale);
        waitFor(() -> browser.findElement(By.id("status")).getText().equals("Modtaget"));
        given().auth().oauth2(suite.passwordToken("coordinator-odense")).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"reason\":\"OUT_OF_AREA\"}")
                .post(suite.baseUrl(suite.referralPort) + "/api/v1/referrals/" + stale + "/reject").then().statusCode(200);
        browser.findElement(By.id("accept")).click();
        waitFor(() -> browser.getPageSource().contains("Sagen er ændret i mellemtiden"));
        checkPage("referral-stale-412");

        // 3. The matching board: a volunteer, the engine's proposal with its reasons, approve, yes, a meeting.
        String coordinatorToken = suite.passwordToken("coordinator-odense");
        String volunteer = given().auth().oauth2(coordinatorToken).contentType(ContentType.JSON).body("""
                {"firstName":"Birthe","municipalityCode":"0461","languages":["da"],"availability":[{"day":"MONDAY","period":"EVENING"}],
                 "ageBand":"FROM_50_TO_64","trainingCompletedOn":"2026-01-15","certificateValidUntil":"%s"}
                """.formatted(LocalDate.now().plusYears(1))).post(suite.baseUrl(suite.matchingPort) + "/api/v1/volunteers")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(coordinatorToken).contentType(ContentType.JSON).body("{\"status\":\"APPROVED\"}")
                .post(suite.baseUrl(suite.matchingPort) + "/api/v1/volunteers/" + volunteer + "/status").then().statusCode(200);
        browser.get(matching + "/frivillige");
        waitFor(() -> browser.getCurrentUrl().endsWith("/sider/frivillige"));
        assertTrue(browser.getPageSource().contains("Birthe"));
        checkPage("volunteers");
        String caseNumber = id.substring(0, 8);
        browser.get(matching + "/matching");
        patiently(90).until(d -> {
            d.findElement(By.id("run")).click();
            return d.getPageSource().contains("Sag " + caseNumber + " · Birthe");
        });
        WebElement proposal = browser.findElement(By.xpath("//article[starts-with(@id,'proposal-')][.//h3[contains(., '" + caseNumber + "')]]"));
        proposal.findElement(By.tagName("summary")).click();
        assertTrue(proposal.getText().contains("De har mindst ét sprog fælles"), "the checks behind the proposal: " + proposal.getText());
        assertTrue(proposal.getText().contains("Grundpoint for et muligt match"), "the points behind the score: " + proposal.getText());
        checkPage("matching-board-proposal");
        proposal.findElement(By.cssSelector("button[id^='approve-']")).click();
        waitFor(() -> browser.getPageSource().contains("Den frivillige sagde ja"));
        // The answer and the meeting update the match's card in place (htmx): the page is not reloaded.
        browser.executeScript("window.qnetMarker = 'same page';");
        click(By.xpath("//button[@name='accepted' and @value='true']"));
        waitFor(() -> !browser.findElements(By.cssSelector("button[id^='log-']")).isEmpty());
        click(By.cssSelector("button[id^='log-']"));
        String today = LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")).format(java.time.format.DateTimeFormatter.ofPattern("d.M.yyyy"));
        By card = By.xpath("//article[starts-with(@id,'match-')][.//h3[contains(., '" + caseNumber + "')]]");
        waitFor(() -> browser.findElement(card).getText().contains(today) && !browser.findElement(card).getText().contains("Intet møde endnu"));
        assertEquals("same page", browser.executeScript("return window.qnetMarker;"));
        browser.get(matching + "/matching");
        checkPage("matching-board");
        // Activities: the calendar, and one activity with her registration (by case number only).
        String activities = suite.baseUrl(suite.activityPort()) + "/api/v1/activities";
        java.time.Instant starts = java.time.Instant.now().plus(Duration.ofDays(9));
        String activity = given().auth().oauth2(coordinatorToken).contentType(ContentType.JSON)
                .body(FaultsAndAttacksTest.AccessMatrix.ACTIVITY.formatted(starts, starts.plus(Duration.ofHours(2))))
                .post(activities).then().statusCode(201).extract().path("id");
        // activity-service learns who may take part from the events: wait until her acceptance has arrived.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(coordinatorToken).contentType(ContentType.JSON)
                .body("{\"kind\":\"WOMAN\",\"referralId\":\"" + id + "\",\"children\":1}")
                .post(activities + "/" + activity + "/registrations").then().statusCode(201));
        browser.get(suite.baseUrl(suite.activityPort()) + "/sider/aktiviteter");
        waitFor(() -> browser.getCurrentUrl().endsWith("/sider/aktiviteter"));
        checkPage("activities");
        browser.findElement(By.xpath("//button[normalize-space()='Lav et nyt kalenderlink']")).click();
        waitFor(() -> !browser.findElements(By.id("calendar-url")).isEmpty());
        String feed = browser.findElement(By.id("calendar-url")).getDomProperty("value");
        String ics = given().get(feed).then().statusCode(200).extract().asString();
        assertTrue(ics.contains("BEGIN:VCALENDAR") && ics.contains("Fællesspisning"), ics);
        assertFalse(ics.contains(WOMAN), "the calendar names no woman");
        checkPage("activities-calendar-link");
        browser.findElement(By.linkText("Fællesspisning")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith(activity));
        assertTrue(browser.getPageSource().contains("sag " + caseNumber), "her registration, by case number");
        assertFalse(browser.getPageSource().contains(WOMAN), "no name on the activity page");
        checkPage("activity-detail");
        courseJourney(id, coordinatorToken);

        // A form posted without its CSRF token is refused, and nothing changes.
        browser.get(matching + "/matching");
        Object status = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/sider/matching/koer', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                  body: 'csrf=forged'}).then(r => done(r.status));
                """);
        assertEquals(403L, status);
        // A form posted from another site is refused before any handler, even with the right
        // token and the session's cookies; from the page's own origin the same request goes through.
        String token = browser.findElement(By.cssSelector("input[name='csrf']")).getDomProperty("value");
        java.util.Map<String, String> cookies = new java.util.HashMap<>();
        browser.manage().getCookies().forEach(c -> cookies.put(c.getName(), c.getValue()));
        given().redirects().follow(false).cookies(cookies).header("Origin", "https://elsewhere.example")
                .contentType(ContentType.URLENC).formParam("csrf", token).post(matching + "/matching/koer")
                .then().statusCode(403).body(org.hamcrest.Matchers.containsString("Handlingen blev afvist"));
        given().redirects().follow(false).cookies(cookies).header("Sec-Fetch-Site", "cross-site")
                .contentType(ContentType.URLENC).formParam("csrf", token).post(matching + "/matching/koer")
                .then().statusCode(403);
        given().redirects().follow(false).cookies(cookies).header("Origin", suite.baseUrl(suite.matchingPort))
                .contentType(ContentType.URLENC).formParam("csrf", token).post(matching + "/matching/koer")
                .then().statusCode(303);
        // Logout is a POST: opening the logout address (a link or an image elsewhere could) only asks.
        browser.get(matching + "/log-ud");
        waitFor(() -> browser.getPageSource().contains("Vil du logge ud"));
        assertTrue(AxeCore.seriousViolations(browser).isEmpty(), "logout page: " + AxeCore.seriousViolations(browser));
        browser.get(matching + "/matching");
        waitFor(() -> browser.getCurrentUrl().endsWith("/sider/matching"));
        assertFalse(browser.getCurrentUrl().contains("/realms/qnet/"), "still logged in");
        logOut();

        // 4. The shelter sees the status change and the dated history.
        browser.get(referrals + "/" + id);
        logIn("shelter-odense");
        patiently(60).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("status")).getText().equals("Aktivt forløb");
        });
        String history = browser.findElement(By.cssSelector("ol.history")).getText();
        for (String step : List.of("Modtaget", "Taget imod", "Matchet", "Aktivt forløb")) {
            assertTrue(history.contains(step), "history has " + step + ": " + history);
        }
        checkPage("referral-shelter-after");
        String withdrawn = apiReferral("shelter-odense");
        browser.get(referrals + "/" + withdrawn);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("withdraw-reason"))).selectByValue("NO_LONGER_NEEDED");
        browser.findElement(By.xpath("//button[normalize-space()='Træk tilbage']")).click();
        waitFor(() -> browser.findElement(By.id("status")).getText().equals("Trukket tilbage"));
        assertTrue(browser.findElement(By.cssSelector("ol.history")).getText().contains("Ikke længere behov"));
        checkPage("referral-withdrawn");
        logOut();

        // 5. A coordinator of another network can't open it: the same page as for an id that doesn't exist.
        browser.get(referrals + "/" + id);
        logIn("coordinator-aarhus");
        waitFor(() -> browser.getCurrentUrl().endsWith(id));
        assertTrue(browser.getPageSource().contains("Siden findes ikke"));
        assertFalse(browser.getPageSource().contains(WOMAN), "nothing of her leaks to another network");
        checkPage("referral-foreign-404");
        // An address nothing serves: a Danish page with the way back, not a bare 404.
        browser.get(suite.baseUrl(suite.referralPort) + "/sider/findes-ikke");
        waitFor(() -> browser.getPageSource().contains("Siden findes ikke"));
        assertTrue(browser.findElement(By.linkText("Til din forside")).getAttribute("href").endsWith("/sider/"));
        checkPage("unknown-address-404");
        browser.get(matching + "/matching");
        assertFalse(browser.getPageSource().contains(caseNumber), "another network's board doesn't show the case");
        logOut();

        // 6. The administrator's pages.
        browser.get(referrals + "?ikke-routede=true");
        logIn("admin");
        waitFor(() -> browser.getCurrentUrl().contains("/sider/henvisninger"));
        checkPage("admin-unrouted");
        browser.get(suite.baseUrl(suite.referralPort) + "/sider/revision");
        assertTrue(browser.getPageSource().contains("Kæden er intakt"), "the audit chain verifies");
        assertTrue(browser.getPageSource().contains(id), "the coordinator's read of her data is in the audit log");
        checkPage("admin-audit");
        browser.get(matching + "/netvaerk");
        assertTrue(browser.getPageSource().contains("net-odense"));
        checkPage("admin-networks");
        logOut();
        assertTrue(checkedPages.size() >= 25, "pages checked: " + checkedPages);
    }

    /**
     * The §109 workspace: the shelter records the handover and the move-out of a woman who has been
     * at the shelter for months (her referral set back 170 days in the database), so her window
     * ends within 30 days; the adviser sees the warning on her caseload, extends the window with a
     * reason and edits the plan; the Qnet coordinator moves Qnet's goal and sees no other note; the
     * adviser sees the coordinator's change.
     */
    @Test
    void theAdviserKeepsTheAftercareWindowAndThePlanWithTheShelterAndQnet() throws Exception {
        try {
            aftercareJourney();
        } catch (Exception | AssertionError e) {
            try {
                browser.get(suite.baseUrl(suite.referralPort) + "/sider/henvisninger");
                logOut(); // the next journey starts logged out
            } catch (RuntimeException | AssertionError ignored) {
                browser.manage().deleteAllCookies();
            }
            throw e;
        }
    }

    private static void aftercareJourney() throws Exception {
        String referrals = suite.baseUrl(suite.referralPort) + "/sider/henvisninger";
        String body = ReferralJourneyTest.referral("0461").replace("[\"QNET_CONTACT\", \"STATISTICS\"]",
                "[\"QNET_CONTACT\", \"STATISTICS\", \"SHARE_WITH_MUNICIPALITY\"]");
        String id = given().auth().oauth2(suite.passwordToken("shelter-odense")).contentType(ContentType.JSON).body(body)
                .post(suite.baseUrl(suite.referralPort) + "/api/v1/referrals").then().statusCode(201).extract().path("id");
        try (java.sql.Connection db = suite.database("referral");
             java.sql.PreparedStatement back = db.prepareStatement("update referral set received_at = received_at - interval '170 days' where id = ?")) {
            back.setObject(1, java.util.UUID.fromString(id));
            assertEquals(1, back.executeUpdate());
        }
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen"));
        LocalDate movedOut = today.minusDays(165);
        String page = referrals + "/" + id + "/eftervaern";

        // 1. The shelter: the handover before the move-out, then the move-out, which opens the window.
        browser.get(page);
        logIn("shelter-odense");
        waitFor(() -> browser.getCurrentUrl().endsWith("/eftervaern"));
        checkPage("aftercare-shelter-before");
        setValue("handover-date", movedOut.minusDays(2).toString());
        for (String role : List.of("WOMAN", "SHELTER", "ADVISER")) {
            click(By.cssSelector("input[name='participants'][value='" + role + "']"));
        }
        click(By.id("held"));
        click(By.id("record-handover"));
        waitFor(() -> browser.findElement(By.id("handover")).getText().contains("holdt"));
        setValue("actualMoveOut", movedOut.toString());
        click(By.id("record-move-out"));
        waitFor(() -> browser.findElements(By.id("window-ends")).size() == 1);
        assertEquals(PageDatesForTest.date(movedOut.plusMonths(6)), browser.findElement(By.id("window-ends")).getText());
        assertTrue(browser.findElement(By.id("window-warning")).getText().contains("30 dage"), "the shelter sees the window ends soon");
        checkPage("aftercare-shelter");
        logOut();

        // 2. The adviser: the warning on her caseload, the extension with a reason, the plan.
        browser.get(suite.baseUrl(suite.referralPort) + "/sider/eftervaern");
        logIn("adviser-odense");
        waitFor(() -> browser.getCurrentUrl().endsWith("/sider/eftervaern"));
        assertTrue(browser.findElement(By.id("warnings")).isDisplayed());
        String row = browser.findElement(By.xpath("//a[@href='/sider/henvisninger/" + id + "/eftervaern']/ancestor::tr")).getText();
        assertTrue(row.contains("Slutter inden for 30 dage"), row);
        checkPage("aftercare-caseload");
        click(By.xpath("//a[@href='/sider/henvisninger/" + id + "/eftervaern']"));
        waitFor(() -> browser.getCurrentUrl().endsWith("/eftervaern"));
        setValue("until", movedOut.plusMonths(9).toString());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("reason"))).selectByValue("PSYCHOLOGICAL_HELP_PENDING");
        click(By.id("extend"));
        waitFor(() -> browser.findElements(By.id("extension")).size() == 1);
        assertTrue(browser.findElement(By.id("extension")).getText().contains("Venter på psykologhjælp"));
        assertTrue(browser.findElements(By.id("window-warning")).isEmpty(), "extended by three months: no warning");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("goal-domain"))).selectByValue("NETWORK");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("goal-owner"))).selectByValue("QNET");
        click(By.id("add-goal"));
        waitFor(() -> browser.findElements(By.cssSelector("#domain-NETWORK ~ .goal")).size() == 1);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("goal-domain"))).selectByValue("HOUSING");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("goal-owner"))).selectByValue("ADVISER");
        setValue("goal-note", "Boligsag hos kommunen");
        click(By.id("add-goal"));
        waitFor(() -> browser.getPageSource().contains("Boligsag hos kommunen"));
        checkPage("aftercare-adviser");
        logOut();

        // 3. The Qnet coordinator: Qnet's goal only, moved to "in progress".
        browser.get(page);
        logIn("coordinator-odense");
        waitFor(() -> browser.getCurrentUrl().endsWith("/eftervaern"));
        assertFalse(browser.getPageSource().contains("Boligsag hos kommunen"), "the coordinator sees no other goal's note");
        WebElement status = browser.findElement(By.cssSelector("#domain-NETWORK ~ .goal select[name='status']"));
        new org.openqa.selenium.support.ui.Select(status).selectByValue("IN_PROGRESS");
        click(By.cssSelector("#domain-NETWORK ~ .goal button"));
        waitFor(() -> browser.findElement(By.cssSelector("#domain-NETWORK ~ .goal .badge")).getText().equals("I gang"));
        checkPage("aftercare-coordinator");
        logOut();

        // 4. The adviser sees it.
        browser.get(page);
        logIn("adviser-odense");
        waitFor(() -> browser.getCurrentUrl().endsWith("/eftervaern"));
        assertEquals("I gang", browser.findElement(By.cssSelector("#domain-NETWORK ~ .goal .badge")).getText());
        assertTrue(browser.findElement(By.id("aftercare-history")).getText().contains("Perioden forlænget"));
        logOut();
    }

    /** Danish dates as the pages write them (PageDates): 7.12.2026. */
    static final class PageDatesForTest {
        static String date(LocalDate day) {
            return java.time.format.DateTimeFormatter.ofPattern("d.M.yyyy").format(day);
        }
    }

    /**
     * A group course: made in the form, three women put forward by case number, two admitted (two
     * places), a second application refused with the reason, attendance taken at two sessions, the
     * rest cancelled, and completion on the closed course.
     */
    private static void courseJourney(String referral, String coordinatorToken) throws Exception {
        List<String> women = new ArrayList<>(List.of(referral));
        for (int i = 0; i < 2; i++) {
            String other = apiReferral("shelter-odense");
            given().auth().oauth2(coordinatorToken).post(suite.baseUrl(suite.referralPort) + "/api/v1/referrals/" + other + "/accept")
                    .then().statusCode(200);
            women.add(other);
        }
        browser.get(suite.baseUrl(suite.activityPort()) + "/sider/forloeb");
        waitFor(() -> browser.getCurrentUrl().endsWith("/sider/forloeb"));
        checkPage("courses");
        setValue("title", "Mødregruppe Odense");
        setValue("venue", "Netværkets lokaler, Vestergade 5");
        setValue("capacity", "2");
        setValue("sessions", "4");
        click(By.xpath("//button[normalize-space()='Opret forløb']"));
        waitFor(() -> browser.getCurrentUrl().matches(".*/sider/forloeb/[0-9a-f-]{36}$"));
        String course = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        assertEquals(4, browser.findElements(By.cssSelector("#sessions li")).size());
        checkPage("course-new");
        // activity-service learns who may take part from the events: each is put forward until her acceptance has arrived.
        for (String woman : women) {
            String caseNumber = "sag " + woman.substring(0, 8);
            patiently(60).until(d -> {
                setValue("referralId", woman);
                click(By.xpath("//button[normalize-space()='Indstil']"));
                return d.findElement(By.id("waiting")).getText().contains(caseNumber);
            });
        }
        setValue("referralId", referral);
        click(By.xpath("//button[normalize-space()='Indstil']"));
        waitFor(() -> browser.findElement(By.id("course-error")).getText().contains("allerede indstillet"));
        checkPage("course-refused");
        click(By.id("admit"));
        waitFor(() -> browser.findElement(By.id("places")).getText().equals("2/2"));
        assertTrue(browser.findElement(By.id("waiting")).getText().contains("sag " + women.get(2).substring(0, 8)), "the third waits");
        assertFalse(browser.getPageSource().contains(WOMAN), "women by case number only");
        checkPage("course-cohort");

        // Two weeks pass for this course: its first two sessions move back into the past.
        try (java.sql.Connection db = suite.database("activity");
             java.sql.PreparedStatement back = db.prepareStatement("update course_session set starts_at = starts_at - interval '15 days', "
                     + "ends_at = ends_at - interval '15 days' where course_id = ?::uuid and number <= 2")) {
            back.setString(1, course);
            assertEquals(2, back.executeUpdate());
        }
        browser.navigate().refresh();
        click(By.id("attend-1"));
        waitFor(() -> browser.getCurrentUrl().endsWith("/gang/1"));
        checkPage("course-attendance");
        browser.findElements(By.cssSelector("input[name='came']")).forEach(WebElement::click);
        browser.findElements(By.cssSelector("input[name='leader']")).forEach(WebElement::click);
        click(By.id("save-attendance"));
        waitFor(() -> browser.getCurrentUrl().endsWith(course));
        click(By.id("attend-2"));
        waitFor(() -> browser.getCurrentUrl().endsWith("/gang/2"));
        click(By.cssSelector("input[name='came'][value='" + enrolmentOf(coordinatorToken, course, referral) + "']"));
        click(By.id("save-attendance"));
        waitFor(() -> browser.getCurrentUrl().endsWith(course));
        for (String session : List.of("cancel-3", "cancel-4")) {
            click(By.id(session));
            waitFor(() -> browser.findElements(By.id(session)).isEmpty());
        }
        click(By.id("close"));
        waitFor(() -> browser.getPageSource().contains("Afsluttet"));
        String cohort = browser.findElement(By.id("cohort")).getText();
        assertTrue(cohort.contains("sag " + referral.substring(0, 8)) && cohort.contains("2/2") && cohort.contains("Gennemført"), cohort);
        assertTrue(cohort.contains("1/2") && cohort.contains("Ikke gennemført"), "1 of 2 is below two thirds: " + cohort);
        checkPage("course-closed");
    }

    private static String enrolmentOf(String token, String course, String referral) {
        return given().auth().oauth2(token).get(suite.baseUrl(suite.activityPort()) + "/api/v1/courses/" + course + "/enrolments")
                .then().statusCode(200).extract().path("items.find { it.referralId == '" + referral + "' }.id");
    }

    /** A referral sent through the API (as a case system would), for the pages to act on. */
    private static String apiReferral(String shelter) {
        return given().auth().oauth2(suite.passwordToken(shelter)).contentType(ContentType.JSON)
                .body(ReferralJourneyTest.referral("0461"))
                .post(suite.baseUrl(suite.referralPort) + "/api/v1/referrals").then().statusCode(201).extract().path("id");
    }

    private static void fillReferralForm(String phone) {
        setValue("woman.firstName", WOMAN);
        setValue("woman.lastName", "Journey");
        setValue("woman.phone", phone);
        click(By.cssSelector("input[name='woman.preferredContact'][value='PHONE']"));
        click(By.cssSelector("input[name='safety.safeToLeaveMessage'][value='true']"));
        click(By.cssSelector("input[name='safety.protectedAddress'][value='false']"));
        setValue("municipalityCode", "0461");
        setValue("expectedMoveOutDate", LocalDate.now().plusDays(10).toString());
        setValue("children[0].birthYear", "2019");
        click(By.cssSelector("input[name='matching.languages'][value='da']"));
        click(By.cssSelector("input[name='matching.needs'][value='NETWORK']"));
        click(By.cssSelector("input[name='matching.availability'][value='MONDAY:EVENING']"));
        click(By.cssSelector("input[name='consent.scopes'][value='STATISTICS']"));
        click(By.cssSelector("input[name='consent.method'][value='VERBAL']"));
    }

    /** Keycloak's login form, in the real Keycloak of the suite. */
    private static void logIn(String user) {
        waitFor(() -> browser.getCurrentUrl().contains("/realms/qnet/"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("qnet-demo");
        browser.findElement(By.id("kc-login")).click();
        waitFor(() -> !browser.getCurrentUrl().contains("/realms/qnet/"));
    }

    /** Log out ends the session of every service's pages and Keycloak's single sign-on. */
    private static void logOut() {
        browser.findElement(By.xpath("//form[@class='logout']/button[normalize-space()='Log ud']")).click();
        waitFor(() -> browser.getPageSource().contains("Du er logget ud"));
        List<String> violations = AxeCore.seriousViolations(browser);
        assertTrue(violations.isEmpty(), "logged-out page: " + violations);
        browser.get(suite.baseUrl(suite.matchingPort) + "/sider/matching");
        waitFor(() -> browser.getCurrentUrl().contains("/realms/qnet/"));
    }

    /** axe-core, the width of a phone, no-store, and a screenshot, for the page now shown. */
    private static void checkPage(String name) throws Exception {
        List<String> violations = AxeCore.seriousViolations(browser);
        assertTrue(violations.isEmpty(), name + ": " + violations);
        Object cacheControl = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(location.href, {credentials: 'same-origin'}).then(r => done(r.headers.get('cache-control')));
                """);
        assertEquals("no-store", cacheControl, name + " must not be stored");
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(375, 800));
        try {
            Object overflow = browser.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            assertTrue(((Number) overflow).intValue() <= 0, name + " is wider than a 375 px phone by " + overflow + " px");
            Files.write(SCREENSHOTS.resolve(name + "-375.png"), browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
        checkedPages.add(name);
    }

    private static void setValue(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        if ("date".equals(field.getDomAttribute("type"))) {
            browser.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                    field, value);
        } else {
            field.sendKeys(value);
        }
    }

    private static void click(By by) {
        WebElement element = browser.findElement(by);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .withMessage(PagesJourneyTest::whereWeAre)
                .until(d -> condition.getAsBoolean());
    }

    /** For what waits on Kafka: an action repeated every 2 seconds until the page shows the result. */
    private static WebDriverWait patiently(int seconds) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        wait.pollingEvery(Duration.ofSeconds(2)).ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .withMessage(PagesJourneyTest::whereWeAre);
        return wait;
    }

    /** For a failed wait: the page the browser shows, as text. */
    private static String whereWeAre() {
        try {
            String text = browser.findElement(By.tagName("body")).getText();
            return "at " + browser.getCurrentUrl() + ": " + text.substring(0, Math.min(text.length(), 1500));
        } catch (RuntimeException e) {
            return "at " + browser.getCurrentUrl();
        }
    }

    private static String idIn(String url) {
        Matcher m = Pattern.compile("/sider/henvisninger/([0-9a-f-]{36})").matcher(url);
        assertTrue(m.find(), url);
        return m.group(1);
    }
}
