package dk.qnet.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The running suite under attack and under faults, in one start of it: first malformed requests
 * against every write endpoint, then the access matrix, then the ledger tests, which kill parts
 * of it.
 *
 * <p>The suite runs with a high intake limit, so one test client can send the ledger's load.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class FaultsAndAttacksTest {

    static final int BROKER_LOAD = Integer.getInteger("qnet.ledger.broker-load", 2000);
    static final int SERVICE_LOAD = Integer.getInteger("qnet.ledger.service-load", 600);
    static final int ORDERING_REFERRALS = 100;
    /** Referrals a second in the ledger tests: steady, so every planned kill falls inside the load. */
    static final int RATE = Integer.getInteger("qnet.ledger.rate", 25);
    static final List<String> MUNICIPALITIES = List.of("0461", "0751", "0101", "0851");

    private static RunningSuite suite;

    @BeforeAll
    static void up() throws Exception {
        suite = RunningSuite.start(Map.of("QNET_REFERRALS_INTAKE_PER_MINUTE", "1000000", "QNET_API_CALLS_PER_MINUTE", "1000000"));
    }

    @AfterAll
    static void down() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }

    /**
     * At least 1,000 malformed requests against every write endpoint in the four OpenAPI
     * documents: every one is refused with a 4xx problem+json, none gets a 5xx, and no table
     * of any service gains or loses a row.
     */
    @Nested
    @Order(1)
    class BadInput {

        static final int PER_ENDPOINT = Integer.getInteger("qnet.bad-input.per-endpoint", 1000);

        @Test
        void everyWriteEndpointRefusesMalformedRequestsAndWritesNothing() throws Exception {
            Map<String, Long> before = quietRowCounts();
            HttpClient http = Http.client();
            Map<String, String> tokens = new java.util.HashMap<>();
            List<String> failures = new ArrayList<>();
            int endpoints = 0;
            long sent = 0;
            long namingAField = 0;
            Map<Integer, Long> statuses = new java.util.TreeMap<>();
            for (Map.Entry<String, Integer> service : services().entrySet()) {
                for (ApiOperations.Endpoint endpoint : ApiOperations.of(service.getKey(), suite.baseUrl(service.getValue()))) {
                    if (!endpoint.writes()) {
                        continue;
                    }
                    endpoints++;
                    String token = endpoint.roles().isEmpty() ? null
                            : tokens.computeIfAbsent(endpoint.roles().get(0), role -> suite.passwordToken(DEMO_USERS.get(role)));
                    MalformedRequests generator = new MalformedRequests(endpoint.components(), endpoint.toString().hashCode());
                    for (MalformedRequests.Bad bad : generator.generate(endpoint.bodySchema(), PER_ENDPOINT)) {
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.baseUrl(service.getValue()) + endpoint.concretePath()))
                                .timeout(Duration.ofSeconds(30)).method(endpoint.method().toUpperCase(), HttpRequest.BodyPublishers.ofByteArray(bad.body()));
                        if (bad.contentType() != null) {
                            request.header("Content-Type", bad.contentType());
                        }
                        if (token != null) {
                            request.header("Authorization", "Bearer " + token);
                        }
                        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                        sent++;
                        statuses.merge(response.statusCode(), 1L, Long::sum);
                        String type = response.headers().firstValue("Content-Type").orElse("");
                        if (response.statusCode() < 400 || response.statusCode() >= 500 || !type.startsWith("application/problem+json")) {
                            failures.add(endpoint + " [" + bad.what() + "]: " + response.statusCode() + " " + type + " "
                                    + response.body().substring(0, Math.min(200, response.body().length())));
                        } else if (response.body().contains("\"field\"")) {
                            namingAField++;
                        }
                    }
                }
            }
            System.out.printf("BAD INPUT: %d write endpoints, %d malformed requests, statuses %s, %d problems naming a field, "
                    + "%d not refused cleanly%n", endpoints, sent, statuses, namingAField, failures.size());
            failures.stream().limit(30).forEach(f -> System.out.println("  " + f));
            assertTrue(endpoints >= 10, "too few write endpoints found in the OpenAPI documents: " + endpoints);
            assertEquals(List.of(), failures.stream().limit(30).toList(), failures.size() + " requests not refused with a 4xx problem+json");
            assertEquals(before, rowCounts(), "rows written or removed by refused requests");
        }
    }

    /**
     * Every operation of the four OpenAPI documents that takes an id, called on objects of one
     * tenant (Odense's shelter, adviser and network) by no token, by every demo user, and by the
     * foreign tenants (Aarhus's shelter and network, and another shelter's case system):
     * <ul>
     *   <li>no token: 401;</li>
     *   <li>a role the operation does not allow: 403, the same for any id;</li>
     *   <li>a foreign tenant: a read is 404, and a write is answered exactly as for an id that
     *       does not exist: the answer tells nothing about the object.</li>
     * </ul>
     * The owners' own calls are the services' tests; here they are only read, and never a 5xx.
     */
    @Nested
    @Order(2)
    class AccessMatrix {

        @Test
        void foreignTenantsLearnNothingAboutAnotherTenantsObjects() throws Exception {
            String shelter = suite.passwordToken("shelter-odense");
            String coordinator = suite.passwordToken("coordinator-odense");
            String referrals = suite.baseUrl(suite.referralPort) + "/api/v1/referrals";
            String referral = given(shelter, "POST", referrals, ReferralJourneyTest.referral("0461"), 201).getString("id");
            given(coordinator, "POST", referrals + "/" + referral + "/accept", null, 200);
            ReferralJourneyTest.Pairing pairing = ReferralJourneyTest.matchAndMeet(suite, coordinator, referral, "Matrix");
            String activities = suite.baseUrl(suite.activityPort()) + "/api/v1/activities";
            String activity = given(coordinator, "POST", activities, ACTIVITY.formatted(java.time.Instant.now().plus(Duration.ofDays(9)),
                    java.time.Instant.now().plus(Duration.ofDays(9)).plus(Duration.ofHours(2))), 201).getString("id");
            // activity-service learns who may take part from the events: wait until her acceptance has arrived.
            String registration = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    io.restassured.RestAssured.given().auth().oauth2(coordinator).contentType(io.restassured.http.ContentType.JSON)
                            .body("{\"kind\":\"WOMAN\",\"referralId\":\"" + referral + "\",\"children\":1}")
                            .post(activities + "/" + activity + "/registrations"), r -> r.statusCode() == 201).jsonPath().getString("id");
            String courses = suite.baseUrl(suite.activityPort()) + "/api/v1/courses";
            String course = given(coordinator, "POST", courses, COURSE.formatted(java.time.LocalDate.now().plusWeeks(1)), 201).getString("id");
            String enrolment = given(coordinator, "POST", courses + "/" + course + "/enrolments", "{\"referralId\":\"" + referral + "\"}", 201)
                    .getString("id");
            // A goal of her aftercare plan, which the shelter that referred her keeps.
            String goal = given(shelter, "POST", referrals + "/" + referral + "/aftercare/goals", "{\"domain\":\"NETWORK\",\"owner\":\"QNET\"}", 201)
                    .getString("id");
            Map<String, String> objects = Map.ofEntries(Map.entry("referrals", referral), Map.entry("waiting-referrals", referral),
                    Map.entry("goals", goal),
                    Map.entry("volunteers", pairing.volunteer()), Map.entry("proposals", pairing.proposal()), Map.entry("matches", pairing.match()),
                    Map.entry("activities", activity), Map.entry("registrations", registration), Map.entry("networks", "net-odense"),
                    Map.entry("calendar-links", "net-odense"), Map.entry("courses", course), Map.entry("enrolments", enrolment),
                    Map.entry("sessions", "1"));

            Map<String, String> callers = new java.util.LinkedHashMap<>();
            for (String user : List.of("shelter-odense", "adviser-odense", "coordinator-odense", "analyst", "admin", "shelter-aarhus",
                    "coordinator-aarhus")) {
                callers.put(user, suite.passwordToken(user));
            }
            callers.put("case-system", suite.clientToken());
            Map<String, String> roleOf = Map.of("shelter-odense", "shelter", "adviser-odense", "adviser", "coordinator-odense", "coordinator",
                    "analyst", "analyst", "admin", "admin", "shelter-aarhus", "shelter", "coordinator-aarhus", "coordinator",
                    "case-system", "shelter");
            List<String> foreign = List.of("shelter-aarhus", "coordinator-aarhus", "case-system");

            List<String> failures = new ArrayList<>();
            int cells = 0;
            int operations = 0;
            for (Map.Entry<String, Integer> service : services().entrySet()) {
                String base = suite.baseUrl(service.getValue());
                for (ApiOperations.Endpoint op : ApiOperations.of(service.getKey(), base)) {
                    // A calendar feed's token is itself the key to it: a capability URL, not an id.
                    if (!op.takesAnId() || op.path().endsWith("{token}.ics")) {
                        continue;
                    }
                    if (PUBLIC_DIRECTORY.contains(op.toString())) {
                        // Every signed-in role may read it; checked so that a change is noticed.
                        for (Map.Entry<String, String> caller : callers.entrySet()) {
                            cells++;
                            Answer answer = call(op.method(), base + fill(op.path(), objects, null), caller.getValue(), null);
                            if (answer.status() != 200) {
                                failures.add(op + " (directory) by " + caller.getKey() + ": " + answer);
                            }
                        }
                        continue;
                    }
                    operations++;
                    String random = UUID.randomUUID().toString();
                    String real = base + fill(op.path(), objects, null);
                    String unknown = base + fill(op.path(), objects, random);
                    String body = op.writes() ? "{}" : null;
                    if (!op.roles().isEmpty()) {
                        cells++;
                        Answer anonymous = call(op.method(), real, null, body);
                        if (anonymous.status() != 401) {
                            failures.add(op + " without a token: " + anonymous);
                        }
                    }
                    for (Map.Entry<String, String> caller : callers.entrySet()) {
                        boolean allowed = op.roles().isEmpty() || op.roles().contains(roleOf.get(caller.getKey()));
                        boolean isForeign = foreign.contains(caller.getKey());
                        if (allowed && !isForeign && op.changes()) {
                            continue; // the owners' writes are the services' own tests
                        }
                        cells++;
                        Answer answer = call(op.method(), real, caller.getValue(), body);
                        if (answer.status() >= 500) {
                            failures.add(op + " by " + caller.getKey() + ": " + answer);
                        } else if (!allowed) {
                            if (answer.status() != 403) {
                                failures.add(op + " by " + caller.getKey() + " (role not allowed): " + answer);
                            }
                        } else if (isForeign) {
                            Answer nothing = call(op.method(), unknown, caller.getValue(), body);
                            // The objects' ids named in the answer (not a session's number "1", which also stands in "1 invalid field").
                            String seen = answer.body().replace(real, "").replaceAll(objects.values().stream().filter(v -> v.length() > 2)
                                    .map(java.util.regex.Pattern::quote).collect(java.util.stream.Collectors.joining("|")), "ID");
                            String unseen = nothing.body().replace(unknown, "").replace(random, "ID").replace("net-nowhere", "ID");
                            if (!op.changes() && answer.status() != 404) {
                                failures.add(op + " by foreign " + caller.getKey() + ": " + answer);
                            } else if (answer.status() != nothing.status() || !seen.equals(unseen)) {
                                failures.add(op + " by foreign " + caller.getKey() + ": " + answer + " but for an unknown id " + nothing);
                            }
                        }
                    }
                }
            }
            System.out.printf("ACCESS MATRIX: %d operations that take an id, %d callers and no token, %d calls checked, %d failures%n",
                    operations, callers.size(), cells, failures.size());
            failures.forEach(f -> System.out.println("  " + f));
            assertTrue(operations >= 36, "too few operations with an id: " + operations);
            assertEquals(List.of(), failures);
        }

        /**
         * A network's entry in the directory (name, municipalities, active): an organisation, not
         * a tenant's data. Shelters and advisers read it to see who serves a municipality.
         */
        static final Set<String> PUBLIC_DIRECTORY = Set.of("matching-service GET /api/v1/networks/{networkId}");

        static final String ACTIVITY = """
                {"title":"Fællesspisning","description":"Vi laver mad sammen","type":"MEAL","startsAt":"%s","endsAt":"%s",
                 "venue":"Netværkets lokaler","venueKind":"NETWORK_PREMISES","audience":["WOMEN","CHILDREN","VOLUNTEERS"],"capacity":10}
                """;

        static final String COURSE = """
                {"title":"Mødregruppe","theme":"MOTHERS","audience":"WOMEN","language":"da","venue":"Netværkets lokaler",
                 "venueKind":"NETWORK_PREMISES","capacity":8,
                 "schedule":{"firstDate":"%s","startTime":"17:00","durationMinutes":120,"frequency":"WEEKLY","sessions":6}}
                """;

        /** Path segments followed by a network's id (a readable name, not a UUID). */
        static final Set<String> NETWORK_IDS = Set.of("networks", "calendar-links");

        /** Fills each path parameter with the object named by the segment before it, or with the given id. */
        String fill(String path, Map<String, String> objects, String instead) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^/]+)/\\{[^}]+}").matcher(path);
            StringBuilder filled = new StringBuilder();
            while (m.find()) {
                String object = objects.get(m.group(1));
                if (object == null) {
                    throw new IllegalStateException("no object for " + m.group() + " in " + path + ": add one to the matrix");
                }
                boolean network = NETWORK_IDS.contains(m.group(1));
                String id = instead == null ? object : network ? "net-nowhere" : instead;
                m.appendReplacement(filled, java.util.regex.Matcher.quoteReplacement(m.group(1) + "/" + id));
            }
            m.appendTail(filled);
            return filled.toString();
        }
    }

    record Answer(int status, String contentType, String body) {
        @Override
        public String toString() {
            return status + " " + contentType + " " + body.substring(0, Math.min(160, body.length()));
        }
    }

    static Answer call(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method.toUpperCase(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = Http.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /** A call that must succeed; its JSON answer. */
    static io.restassured.path.json.JsonPath given(String token, String method, String url, String body, int status) throws Exception {
        Answer answer = call(method, url, token, body);
        assertEquals(status, answer.status(), method + " " + url + ": " + answer);
        return io.restassured.path.json.JsonPath.from(answer.body().isEmpty() ? "{}" : answer.body());
    }

    static Map<String, Integer> services() {
        return Map.of("referral-service", suite.referralPort, "matching-service", suite.matchingPort,
                "activity-service", suite.activityPort(), "statistics-service", suite.statisticsPort);
    }

    /**
     * The read audit at the end: every successful read of a woman's personal data adds exactly
     * one audit row, refused reads add none; the hash chain verifies; and a row changed by hand
     * in the database is found, at its id.
     */
    @Nested
    @Order(4)
    class Audit {

        @Test
        void everyReadOfPersonalDataIsAuditedOnceAndTamperingIsFound() throws Exception {
            String shelter = suite.passwordToken("shelter-odense");
            String coordinator = suite.passwordToken("coordinator-odense");
            String foreign = suite.passwordToken("coordinator-aarhus");
            String admin = suite.passwordToken("admin");
            String referrals = suite.baseUrl(suite.referralPort) + "/api/v1/referrals";
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(given(shelter, "POST", referrals, ReferralJourneyTest.referral("0461"), 201).getString("id"));
            }
            long before = number("referral", "select count(*) from audit_entry");
            int reads = 0;
            int refused = 0;
            for (int round = 0; round < 4; round++) {
                for (String id : ids) {
                    Answer read = call("GET", referrals + "/" + id, coordinator, null);
                    if (read.status() == 200 && read.body().contains("\"firstName\":\"Sara\"")) {
                        reads++;
                    }
                    if (call("GET", referrals + "/" + id, foreign, null).status() == 404) {
                        refused++;
                    }
                }
            }
            long after = number("referral", "select count(*) from audit_entry");
            io.restassured.path.json.JsonPath verified = given(admin, "GET", suite.baseUrl(suite.referralPort) + "/api/v1/audit/verify", null, 200);
            System.out.printf("AUDIT: %d reads of personal data, %d refused, %d audit rows added; chain valid %s over %d entries%n",
                    reads, refused, after - before, verified.getBoolean("valid"), verified.getLong("entries"));
            assertEquals(20, reads);
            assertEquals(20, refused);
            assertEquals(reads, after - before, "audit rows against successful reads of personal data");
            assertTrue(verified.getBoolean("valid"));
            assertEquals(after, verified.getLong("entries"));

            // Someone with database access rewrites who read it. The trigger refuses updates, so
            // they switch it off first, as a superuser could; the chain still gives them away.
            long tampered = number("referral", "select max(id) from audit_entry");
            execute("referral", "alter table audit_entry disable trigger audit_entry_no_update",
                    "update audit_entry set actor_role = 'shelter' where id = " + tampered,
                    "alter table audit_entry enable trigger audit_entry_no_update");
            io.restassured.path.json.JsonPath broken = given(admin, "GET", suite.baseUrl(suite.referralPort) + "/api/v1/audit/verify", null, 200);
            assertEquals(false, broken.getBoolean("valid"));
            assertEquals(tampered, broken.getLong("firstBrokenId"));
        }
    }

    static final Map<String, String> DEMO_USERS = Map.of("shelter", "shelter-odense", "adviser", "adviser-odense",
            "coordinator", "coordinator-odense", "analyst", "analyst", "admin", "admin");

    /** The row counts once the suite has settled (seeded events consumed): equal 3 s apart. */
    Map<String, Long> quietRowCounts() throws Exception {
        Map<String, Long> previous = rowCounts();
        for (int i = 0; i < 40; i++) {
            Thread.sleep(3000);
            Map<String, Long> now = rowCounts();
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        throw new IllegalStateException("the suite did not settle in two minutes");
    }

    /** The row count of every table of every service's database. */
    Map<String, Long> rowCounts() throws Exception {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String database : List.of("referral", "matching", "activity", "statistics")) {
            List<String> tables = new ArrayList<>();
            query(database, "select tablename from pg_tables where schemaname = 'public'", rows -> tables.add(rows.getString(1)));
            for (String table : tables) {
                counts.put(database + "." + table, number(database, "select count(*) from \"" + table + "\""));
            }
        }
        return counts;
    }

    /**
     * The ledger tests: referrals are posted under load while a part of the running suite is
     * killed hard and started again. Every id that got a 201 must then be in matching-service's
     * and statistics-service's stores exactly once, and referral-service must hold no referral
     * that no 201 answered: no lost and no duplicated effects. Each test prints sent,
     * acknowledged, found downstream and duplicates.
     */
    @Nested
    @Order(3)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class LedgerUnderFaults {

        @Test
        @Order(1)
        void theBrokerKilledTwiceUnderLoadLosesAndDuplicatesNothing() throws Exception {
            killedUnderLoad("broker", BROKER_LOAD, "kafka", Duration.ofSeconds(3), BROKER_LOAD / 4, BROKER_LOAD * 5 / 8);
        }

        @Test
        @Order(2)
        void aConsumerKilledMidBatchRedeliversWithoutDuplicateEffects() throws Exception {
            killedUnderLoad("consumer", SERVICE_LOAD, "matching-service", Duration.ofSeconds(1), SERVICE_LOAD / 3);
        }

        @Test
        @Order(3)
        void aProducerKilledUnderLoadPublishesEveryAcknowledgedReferralAndNothingElse() throws Exception {
            killedUnderLoad("producer", SERVICE_LOAD, "referral-service", Duration.ofSeconds(1), SERVICE_LOAD / 3);
        }

        /**
         * Posts the load and, once each given count of 201s is passed, kills the component
         * (SIGKILL) and starts it again. The load goes on meanwhile; one restart at a time, and
         * a later kill at least {@code RATE * 4} referrals after the restart before it is done.
         */
        void killedUnderLoad(String name, int load, String component, Duration pause, Integer... at) throws Exception {
            Ledger ledger = faultsUnderLoad(name, load, pause, java.util.Collections.nCopies(at.length, component), List.of(at));
            assertHolds(ledger, component + " killed " + at.length + " time(s)");
        }

        /** Kills components.get(i) once kills.get(i) referrals are acknowledged, in order, and starts each again. */
        Ledger faultsUnderLoad(String name, int load, Duration pause, List<String> components, List<Integer> kills) throws Exception {
            AtomicInteger done = new AtomicInteger();
            AtomicInteger notBefore = new AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean restarting = new java.util.concurrent.atomic.AtomicBoolean();
            Ledger ledger = Ledger.named(name);
            load(ledger, load, acknowledged -> {
                if (done.get() < kills.size() && acknowledged >= Math.max(kills.get(done.get()), notBefore.get())
                        && restarting.compareAndSet(false, true)) {
                    try {
                        restartAfterKill(components.get(done.get()), pause);
                        done.incrementAndGet();
                        notBefore.set(ledger.counted().get() + RATE * 4);
                    } finally {
                        restarting.set(false);
                    }
                }
            });
            assertEquals(kills.size(), done.get(), components + " were not killed as often as planned: the load was over first");
            return ledger;
        }

        /**
         * The soak (bench/soak.sh; never in CI, where qnet.soak is not set): qnet.soak referrals at
         * qnet.ledger.rate a second with every fault above in one run: the broker killed twice, a
         * consumer, referral-service and PostgreSQL once each. Then the ledger holds, no
         * dead-letter topic holds a record of this run, and statistics' receipts equal its women.
         */
        @Test
        @Order(6)
        @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "qnet.soak", matches = "[0-9]+")
        void soak() throws Exception {
            int count = Integer.getInteger("qnet.soak");
            long started = System.nanoTime();
            Ledger ledger = faultsUnderLoad("soak", count, Duration.ofSeconds(3),
                    List.of("kafka", "matching-service", "referral-service", "kafka", "postgres"),
                    List.of(count / 10, count / 4, count * 2 / 5, count * 11 / 20, count * 7 / 10));
            double seconds = (System.nanoTime() - started) / 1e9;
            assertHolds(ledger, "soak: broker killed twice, matching-service, referral-service and PostgreSQL once each");
            Set<UUID> acknowledged = new HashSet<>(ledger.acknowledged().values());
            long deadLettered = 0;
            for (String dlq : List.of("qnet.referrals.v1.dlq", "qnet.matches.v1.dlq", "qnet.activities.v1.dlq", "qnet.volunteers.v1.dlq",
                    "qnet.networks.v1.dlq")) {
                long[] found = new long[1];
                LeakHunt.forEachRecord(suite, dlq, r -> found[0]++);
                System.out.printf("SOAK %s holds %d records%n", dlq, found[0]);
                deadLettered += found[0];
            }
            System.out.printf("SOAK %d referrals acknowledged in %.0f s (%.1f a second, faults included)%n", acknowledged.size(), seconds,
                    acknowledged.size() / seconds);
            assertEquals(0, deadLettered, "a dead-letter topic holds records after the soak");
        }

        @Test
        @Order(4)
        void theSuiteStartedWithoutKafkaTakesReferralsAndDrainsThemWhenItComes() throws Exception {
            for (String component : List.of("kafka", "referral-service", "matching-service", "statistics-service")) {
                kill(component);
            }
            assertEquals(0, suite.qnet(Map.of("QNET_WITHOUT", "kafka"), RunningSuite.Duration.ofMinutes(4), "up"), suite.output("up"));
            // Running, ready (readiness covers the database, not the broker: a broker outage must
            // not take the service out of service), taking referrals.
            HttpResponse<String> ready = health("/q/health/ready");
            assertEquals(200, ready.statusCode(), ready.body());
            Ledger ledger = load("no-broker", SERVICE_LOAD / 2, acknowledged -> { });
            long waiting = number("referral", "select count(*) from outbox_event where published_at is null");
            assertTrue(waiting >= ledger.acknowledged().size(), "the outbox holds the referrals: " + waiting);
            // The health details say the events don't reach Kafka, and how many wait.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                HttpResponse<String> well = health("/q/health/well");
                assertEquals(503, well.statusCode(), well.body());
                assertTrue(well.body().contains("outbox to Kafka") && well.body().contains("failing since"), well.body());
            });
            assertEquals(200, health("/q/health/ready").statusCode(), "still ready while the broker is away");

            assertEquals(0, suite.qnet(RunningSuite.Duration.ofMinutes(4), "up"), suite.output("up"));
            assertHolds(ledger, "Kafka down at start");
        }

        HttpResponse<String> health(String path) throws Exception {
            return Http.client().send(HttpRequest.newBuilder(URI.create(suite.baseUrl(suite.referralPort) + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /**
         * Each referral is received, accepted and withdrawn in quick succession, many at once.
         * Applied in that order, statistics-service's waiting list rises and falls back, and
         * matching-service forgets her; applied out of order (withdrawn before accepted), she
         * would stay on the waiting list for good.
         */
        @Test
        @Order(5)
        void statusChangesOfOneReferralAreAppliedInTheOrderTheyWereMade() throws Exception {
            String coordinator = suite.passwordToken("coordinator-odense");
            String token = suite.passwordToken("shelter-odense");
            long waitingBefore = number("statistics", "select coalesce(sum(value), 0) from monthly_count where measure = 'waiting.delta'");
            String withdrawals = "select coalesce(sum(value), 0) from monthly_count where measure = 'referrals.withdrawn'";
            long withdrawnBefore = number("statistics", withdrawals);
            String referrals = suite.baseUrl(suite.referralPort) + "/api/v1/referrals";
            List<UUID> ids = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < ORDERING_REFERRALS; i++) {
                work.add(pool.submit(() -> {
                    String id = given(token, "POST", referrals, ReferralJourneyTest.referral("0461"), 201).getString("id");
                    given(coordinator, "POST", referrals + "/" + id + "/accept", null, 200);
                    given(token, "POST", referrals + "/" + id + "/withdraw", "{\"reason\":\"NO_LONGER_NEEDED\"}", 200);
                    ids.add(UUID.fromString(id));
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            // Each withdrawal is the last event of its referral: once all are counted and nothing is
            // left to consume, every event of these referrals has been applied.
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    number("statistics", withdrawals) - withdrawnBefore == ORDERING_REFERRALS
                            && LeakHunt.lag(suite, "statistics-service", List.of("qnet.referrals.v1")) == 0
                            && LeakHunt.lag(suite, "matching-service", List.of("qnet.referrals.v1")) == 0);
            long waitingAfter = number("statistics", "select coalesce(sum(value), 0) from monthly_count where measure = 'waiting.delta'");
            long withdrawnCount = number("statistics", withdrawals) - withdrawnBefore;
            Set<UUID> stillInMatching = ids("matching", "select referral_id from waiting_referral");
            stillInMatching.retainAll(ids);
            System.out.printf("ORDERING: %d referrals each received, accepted and withdrawn; waiting list %d before, %d after; "
                    + "%d still in matching-service; %d withdrawals counted%n", ids.size(), waitingBefore, waitingAfter,
                    stillInMatching.size(), withdrawnCount);
            assertEquals(ORDERING_REFERRALS, ids.size());
            assertEquals(waitingBefore, waitingAfter, "the waiting list did not fall back: a withdrawal was applied before its acceptance");
            assertEquals(Set.of(), stillInMatching, "matching-service still holds withdrawn referrals");
        }
    }

    // ---- the load

    /** What the load sent and what came back with a 201, by idempotency key. */
    record Ledger(String name, Map<String, UUID> acknowledged, AtomicInteger attempts, AtomicInteger failures, AtomicInteger counted) {

        static Ledger named(String name) {
            return new Ledger(name, new ConcurrentHashMap<>(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
        }
    }

    Ledger load(String name, int count, IntConsumer fault) throws Exception {
        return load(Ledger.named(name), count, fault);
    }

    /**
     * Posts count referrals from four threads at a steady {@link #RATE} a second, each with its
     * own idempotency key, retrying one until it gets a 201 (a retry after a lost answer gets the
     * same referral back). The fault runs on the load's own thread as each 201 is counted.
     */
    Ledger load(Ledger ledger, int count, IntConsumer fault) throws Exception {
        String name = ledger.name();
        AtomicInteger next = new AtomicInteger();
        HttpClient http = Http.client();
        String url = suite.baseUrl(suite.referralPort) + "/api/v1/referrals";
        String run = UUID.randomUUID().toString().substring(0, 8);
        FreshToken token = new FreshToken("shelter-odense");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        // Eight minutes, or twice the planned time of a longer load (the soak).
        long deadline = start + Math.max(TimeUnit.MINUTES.toNanos(8), TimeUnit.SECONDS.toNanos(2L * count / RATE));
        for (int w = 0; w < 4; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long due = start + (long) (i * 1e9 / RATE);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    String key = name + "-" + run + "-" + i;
                    String body = ReferralJourneyTest.referral(MUNICIPALITIES.get(i % MUNICIPALITIES.size()));
                    while (true) {
                        assertTrue(System.nanoTime() < deadline, "the load did not finish in time");
                        ledger.attempts().incrementAndGet();
                        try {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token.get())
                                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 201) {
                                UUID id = UUID.fromString(io.restassured.path.json.JsonPath.from(response.body()).getString("id"));
                                UUID earlier = ledger.acknowledged().putIfAbsent(key, id);
                                assertTrue(earlier == null || earlier.equals(id), "a retried key got another referral");
                                if (earlier == null) {
                                    // Each count is reached by exactly one thread, so the fault runs once.
                                    fault.accept(ledger.counted().incrementAndGet());
                                }
                                break;
                            }
                            // A 5xx or 429 while a part restarts: retry the same key.
                            assertTrue(response.statusCode() >= 500 || response.statusCode() == 429,
                                    "unexpected " + response.statusCode() + ": " + response.body());
                        } catch (java.io.IOException e) {
                            // The service is down or the answer was lost: retry the same key.
                        }
                        ledger.failures().incrementAndGet();
                        Thread.sleep(300);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return ledger;
    }

    /** A user's token, fetched again after ten minutes: Keycloak's tokens live fifteen, and a soak runs longer. */
    static final class FreshToken {

        private final String user;
        private String token;
        private long fetchedAt;

        FreshToken(String user) {
            this.user = user;
        }

        synchronized String get() {
            if (token == null || System.nanoTime() - fetchedAt > TimeUnit.MINUTES.toNanos(10)) {
                token = suite.passwordToken(user);
                fetchedAt = System.nanoTime();
            }
            return token;
        }
    }

    /** Kills a component with SIGKILL and waits until it is gone. */
    static void kill(String component) throws Exception {
        if (component.equals("postgres")) {
            // The server is not the launcher's descendant (pg_ctl starts it apart): kill it by its own PID file too.
            String postmaster = Files.readAllLines(suite.state().resolve("postgres/postmaster.pid")).get(0).strip();
            ProcessHandle.of(Long.parseLong(postmaster)).ifPresent(server -> {
                server.destroyForcibly();
                server.onExit().join();
            });
        }
        long pid = Long.parseLong(Files.readString(suite.state().resolve("pids/" + component + ".pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        assertTrue(process.destroyForcibly(), "could not kill " + component);
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    /** Kills a component with SIGKILL, waits, and has ./qnet up start it again. */
    void restartAfterKill(String component, Duration pause) {
        try {
            kill(component);
            Thread.sleep(pause.toMillis());
            assertEquals(0, suite.qnet(RunningSuite.Duration.ofMinutes(4), "up"), "./qnet up after " + component + " was killed");
            assertTrue(suite.output("up").contains("starting " + component), suite.output("up"));
        } catch (Exception e) {
            throw new IllegalStateException("restarting " + component + " failed", e);
        }
    }

    // ---- the checks

    void assertHolds(Ledger ledger, String fault) throws Exception {
        Set<UUID> acknowledged = new HashSet<>(ledger.acknowledged().values());
        assertEquals(ledger.acknowledged().size(), acknowledged.size(), "two keys got the same referral");

        // Downstream, eventually: every acknowledged id in matching-service and statistics-service.
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(() ->
                ids("matching", "select referral_id from waiting_referral").containsAll(acknowledged)
                        && subjects().containsAll(pseudonyms(acknowledged)));

        // referral-service holds exactly the acknowledged ones of this run: nothing without a 201.
        Set<UUID> stored = ids("referral", "select r.id from referral r join idempotency_key k on k.referral_id = r.id where k.key like '"
                + ledger.name() + "-%'");
        assertEquals(acknowledged, stored, "referral-service's referrals of this run against the ledger");

        // Nothing reached matching-service that referral-service does not hold: no uncommitted publication.
        Set<UUID> everyReferral = ids("referral", "select id from referral");
        Set<UUID> everyWaiting = ids("matching", "select referral_id from waiting_referral");
        everyWaiting.removeAll(everyReferral);
        assertEquals(Set.of(), everyWaiting, "referrals in matching-service that referral-service never committed");

        // Exactly once: a referral id is matching's primary key, a pseudonym statistics'; and the
        // count of referrals received equals the women it knows, so no receipt counted twice.
        long matching = ids("matching", "select referral_id from waiting_referral").stream().filter(acknowledged::contains).count();
        long inStatistics = subjects().stream().filter(pseudonyms(acknowledged)::contains).count();
        long received = number("statistics", "select coalesce(sum(value), 0) from monthly_count where measure = 'referrals.received'");
        long women = number("statistics", "select count(*) from subject");
        long published = LeakHunt.countRecords(suite, "qnet.referrals.v1", "ReferralReceived", acknowledged);
        System.out.printf("LEDGER %s: sent %d requests for %d referrals (%d failed or retried while it was down), acknowledged %d, "
                        + "in matching-service %d, in statistics-service %d, ReferralReceived records on Kafka %d "
                        + "(duplicates on the wire %d, absorbed by the inboxes), duplicate effects %d%n",
                fault, ledger.attempts().get(), ledger.acknowledged().size(), ledger.failures().get(), acknowledged.size(), matching,
                inStatistics, published, published - acknowledged.size(), received - women);
        assertEquals(acknowledged.size(), matching);
        assertEquals(acknowledged.size(), inStatistics);
        assertEquals(women, received, "referrals received counted against the women statistics-service knows");
        assertTrue(published >= acknowledged.size(), "every acknowledged referral was published");
    }

    Set<UUID> ids(String database, String sql) throws Exception {
        Set<UUID> ids = new HashSet<>();
        query(database, sql, rows -> ids.add(UUID.fromString(rows.getString(1))));
        return ids;
    }

    long number(String database, String sql) throws Exception {
        long[] value = new long[1];
        query(database, sql, rows -> value[0] = rows.getLong(1));
        return value[0];
    }

    Set<ByteBuffer> subjects() throws Exception {
        Set<ByteBuffer> keys = new HashSet<>();
        query("statistics", "select subject_key from subject", rows -> keys.add(ByteBuffer.wrap(rows.getBytes(1))));
        return keys;
    }

    /** statistics-service's pseudonyms of the ids, with the installation's key. */
    Set<ByteBuffer> pseudonyms(Set<UUID> ids) throws Exception {
        byte[] key = Base64.getDecoder().decode(Files.readString(suite.state().resolve("secrets/statistics-pseudonym-key")).strip());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        Set<ByteBuffer> pseudonyms = new HashSet<>();
        for (UUID id : ids) {
            pseudonyms.add(ByteBuffer.wrap(mac.doFinal(("referral:" + id).getBytes(StandardCharsets.UTF_8))));
        }
        return pseudonyms;
    }

    static void execute(String database, String... statements) throws Exception {
        try (Connection c = suite.database(database); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    interface RowReader {
        void read(ResultSet rows) throws Exception;
    }

    void query(String database, String sql, RowReader reader) throws Exception {
        try (Connection c = suite.database(database); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }
}
