package dk.qnet.referral.crypto;

import static dk.qnet.referral.ReferralFixtures.body;
import static dk.qnet.referral.ReferralFixtures.create;
import static dk.qnet.referral.ReferralFixtures.post;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.qnet.contracts.EventHeaders;
import dk.qnet.contracts.Topics;
import dk.qnet.referral.audit.AuditLog;
import dk.qnet.referral.service.RetentionJob;
import dk.qnet.testing.KafkaProbe;
import dk.qnet.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PersonalDataProtectionTest {

    @Inject
    EntityManager em;

    @Inject
    RetentionJob retention;

    @Inject
    PersonalDataVault vault;

    @Inject
    dk.qnet.referral.audit.AuditLog auditLog;

    /** Every column of every table of this service, as text: what a SQL dump would show. */
    String dumpOf(String referralId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder dump = new StringBuilder();
            for (String table : List.of("referral", "referral_secret", "referral_status_change", "audit_entry", "outbox_event", "idempotency_key")) {
                @SuppressWarnings("unchecked")
                List<Object> rows = em.createNativeQuery("select t::text from " + table + " t").getResultList();
                rows.forEach(r -> dump.append(r).append('\n'));
            }
            return dump.toString();
        });
    }

    @Test
    void personalDataIsEncryptedAtRestAndReadBackOnlyThroughTheApi() {
        String canary = "Kanariefugl" + UUID.randomUUID().toString().substring(0, 8);
        String shelter = TestTokens.shelter("crypto-shelter");
        String id = post(shelter, body("0461", canary, canary + "sen", "+45 61 23 45 67", "Noter " + canary))
                .then().statusCode(201).extract().path("id");

        String dump = dumpOf(id);
        assertFalse(dump.contains(canary), "a dump of the database must not show the name or notes");
        assertFalse(dump.contains("61234567"), "nor the phone number");
        assertFalse(dump.contains("amira@example"), "nor the e-mail");
        byte[] sealed = QuarkusTransaction.requiringNew().call(() -> (byte[]) em.createNativeQuery(
                "select personal_data from referral_secret where referral_id = ?1").setParameter(1, UUID.fromString(id)).getSingleResult());
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains(canary));

        given().auth().oauth2(shelter).get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("personalData.firstName", equalTo(canary))
                .body("personalData.phone", equalTo("+4561234567"));
    }

    @Test
    void aSealedSecretCopiedOntoAnotherReferralDoesNotDecrypt() {
        String a = UUID.randomUUID().toString();
        PersonalDataVault.Sealed sealed = vault.seal(a, "secret".getBytes(StandardCharsets.UTF_8));
        assertEquals("secret", new String(vault.open(a, sealed.masterKeyId(), sealed.wrappedKey(), sealed.ciphertext()), StandardCharsets.UTF_8));
        assertThrows(IllegalStateException.class, () -> vault.open(UUID.randomUUID().toString(), sealed.masterKeyId(), sealed.wrappedKey(),
                sealed.ciphertext()));
    }

    @Test
    void everyReadOfPersonalDataIsAuditedAndTheChainShowsTampering() {
        String shelter = TestTokens.shelter("audit-shelter");
        String id = create(shelter, "0461");
        String admin = TestTokens.admin();
        String coordinator = TestTokens.coordinator("net-odense");

        int reads = 0;
        for (String token : List.of(shelter, coordinator, shelter)) {
            given().auth().oauth2(token).get("/api/v1/referrals/" + id).then().statusCode(200);
            reads++;
        }
        // The administrator's own view carries no personal data; reading it takes break-glass with a coded reason.
        given().auth().oauth2(admin).get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("personalData", nullValue()).body("status", equalTo("RECEIVED"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"reason\":\"DATA_SUBJECT_REQUEST\"}")
                .post("/api/v1/referrals/" + id + "/break-glass").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .body("personalData.firstName", equalTo("Amira"));
        reads++;
        // Reads that show no personal data are not audited: the adviser's status view, lists, history.
        given().auth().oauth2(TestTokens.adviser("0461")).get("/api/v1/referrals/" + id).then().statusCode(200);
        given().auth().oauth2(shelter).get("/api/v1/referrals").then().statusCode(200);
        given().auth().oauth2(shelter).get("/api/v1/referrals/" + id + "/history").then().statusCode(200);
        // A refused read is not a read.
        given().auth().oauth2(TestTokens.shelter("audit-stranger")).get("/api/v1/referrals/" + id).then().statusCode(404);

        given().auth().oauth2(admin).get("/api/v1/audit?referralId=" + id).then().statusCode(200)
                .body("items.size()", equalTo(reads))
                .body("items.actorRole", org.hamcrest.Matchers.contains("shelter", "coordinator", "shelter", "admin"))
                .body("items.actorOrg", org.hamcrest.Matchers.contains("audit-shelter", "net-odense", "audit-shelter", null))
                .body("items.action", org.hamcrest.Matchers.contains("READ", "READ", "READ", "BREAK_GLASS"))
                .body("items.reason", org.hamcrest.Matchers.contains(null, null, null, "DATA_SUBJECT_REQUEST"))
                .body("items[0].fields", org.hamcrest.Matchers.containsString("phone"));
        given().auth().oauth2(admin).get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));

        // The table refuses changes; an owner who switches the guard off is caught by the chain.
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update audit_entry set actor_role = 'nobody'").executeUpdate()));
        long tampered = asTableOwner(() -> {
            Number row = (Number) em.createNativeQuery("select min(id) from audit_entry where referral_id = ?1")
                    .setParameter(1, UUID.fromString(id)).getSingleResult();
            em.createNativeQuery("update audit_entry set actor_role = 'admin' where id = ?1").setParameter(1, row).executeUpdate();
            return row.longValue();
        });
        try {
            given().auth().oauth2(admin).get("/api/v1/audit/verify").then().statusCode(200)
                    .body("valid", equalTo(false)).body("firstBrokenId", equalTo((int) tampered));
        } finally {
            asTableOwner(() -> em.createNativeQuery("update audit_entry set actor_role = 'shelter' where id = ?1")
                    .setParameter(1, tampered).executeUpdate());
        }
        given().auth().oauth2(admin).get("/api/v1/audit/verify").then().body("valid", equalTo(true));

        // Whoever owns the database can rewrite a row and recompute its hash, but not with the
        // chain key, which lives outside the database: a plain SHA-256 or a guessed key is caught.
        for (String forgery : List.of("plain", "guessed-key")) {
            long forged = asTableOwner(() -> {
                Object[] row = (Object[]) em.createNativeQuery("select id, prev_hash, at, actor_subject, actor_org, referral_id, fields "
                        + "from audit_entry where referral_id = ?1 order by id limit 1").setParameter(1, UUID.fromString(id)).getSingleResult();
                AuditLog attacker = new AuditLog(em, new TestAuditConfig(forgery.equals("plain")
                        ? "7oB3m2eT0pQy1sVwXc9ZkLr4HnJd6FgAaUi8YbNe5Mo=" : java.util.Base64.getEncoder().encodeToString(new byte[32])),
                        new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                        new dk.qnet.platform.time.SuiteClock(java.time.Clock.systemUTC()));
                String hash = attacker.hash(forgery.equals("plain") ? 1 : 2, (String) row[1],
                        dk.qnet.platform.persistence.SqlValues.instant(row[2]), (String) row[3], "coordinator", (String) row[4],
                        (UUID) row[5], "READ", (String) row[6], null);
                em.createNativeQuery("update audit_entry set actor_role = 'coordinator', hash = ?2, hash_version = ?3 where id = ?1")
                        .setParameter(1, row[0]).setParameter(2, hash).setParameter(3, forgery.equals("plain") ? 1 : 2).executeUpdate();
                return ((Number) row[0]).longValue();
            });
            given().auth().oauth2(admin).get("/api/v1/audit/verify").then().statusCode(200)
                    .body("valid", equalTo(false)).body("firstBrokenId", equalTo((int) forged));
            // Put the original back (its hash was made with the real key) for the other tests.
            asTableOwner(() -> {
                Object[] row = (Object[]) em.createNativeQuery("select prev_hash, at, actor_subject, actor_org, referral_id, fields "
                        + "from audit_entry where id = ?1").setParameter(1, forged).getSingleResult();
                String hash = auditLog.hash(2, (String) row[0], dk.qnet.platform.persistence.SqlValues.instant(row[1]), (String) row[2],
                        "shelter", (String) row[3], (UUID) row[4], "READ", (String) row[5], null);
                return em.createNativeQuery("update audit_entry set actor_role = 'shelter', hash = ?2, hash_version = 2 where id = ?1")
                        .setParameter(1, forged).setParameter(2, hash).executeUpdate();
            });
            given().auth().oauth2(admin).get("/api/v1/audit/verify").then().body("valid", equalTo(true));
        }
    }

    /** Runs the change as the table's owner would: the no-update guard switched off for it, on again after. */
    <T> T asTableOwner(java.util.concurrent.Callable<T> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("alter table audit_entry disable trigger audit_entry_no_update").executeUpdate();
            T result = change.call();
            em.createNativeQuery("alter table audit_entry enable trigger audit_entry_no_update").executeUpdate();
            return result;
        });
    }

    record TestAuditConfig(String chainKey) implements dk.qnet.referral.audit.AuditConfig {
        @Override
        public long plainEntriesUntil() {
            return 0;
        }
    }

    @Test
    void breakGlassIsForAdministratorsWithACodedReasonOnly() {
        String id = create(TestTokens.shelter("glass-shelter"), "0461");
        String admin = TestTokens.admin();
        for (String body : List.of("{}", "{\"reason\":\"CURIOSITY\"}", "{\"reason\":\"SAFETY_EMERGENCY\",\"note\":\"x\"}")) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/referrals/" + id + "/break-glass")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        for (String token : List.of(TestTokens.coordinator("net-odense"), TestTokens.shelter("glass-shelter"), TestTokens.adviser("0461"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\":\"SAFETY_EMERGENCY\"}")
                    .post("/api/v1/referrals/" + id + "/break-glass").then().statusCode(403);
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"reason\":\"SAFETY_EMERGENCY\"}")
                .post("/api/v1/referrals/" + UUID.randomUUID() + "/break-glass").then().statusCode(404);
        given().auth().oauth2(admin).get("/api/v1/audit?referralId=" + id).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void withdrawingConsentErasesThePersonalDataAtOnceAndTellsTheOtherServices() {
        String shelter = TestTokens.shelter("erase-shelter");
        String id = create(shelter, "0461");
        given().auth().oauth2(TestTokens.coordinator("net-odense")).post("/api/v1/referrals/" + id + "/consent/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN")).body("erased", equalTo(true));

        given().auth().oauth2(shelter).get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("erased", equalTo(true)).body("personalData", nullValue())
                .body("statusReason", equalTo("CONSENT_WITHDRAWN"));
        long secrets = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from referral_secret where referral_id = ?1").setParameter(1, UUID.fromString(id)).getSingleResult()).longValue());
        assertEquals(0, secrets, "the data key is gone: nothing can be decrypted, not even from a backup of the data");

        ConsumerRecord<String, String> erased = await().atMost(Duration.ofSeconds(30)).until(() -> KafkaProbe.readAll(Topics.REFERRALS)
                .stream().filter(r -> id.equals(r.key()) && "ReferralErased".equals(KafkaProbe.header(r, EventHeaders.EVENT_TYPE)))
                .findFirst().orElse(null), org.hamcrest.Matchers.notNullValue());
        assertTrue(erased.value().contains("CONSENT_WITHDRAWN"));
        // Erasure is not undone by a second call.
        given().auth().oauth2(shelter).post("/api/v1/referrals/" + id + "/consent/withdraw").then().statusCode(200);
    }

    @Test
    void erasureKeepsOnlyWhatStatisticsAlreadyHasAndForgetsTheIdempotencyKey() {
        String shelter = TestTokens.shelter("scrub-shelter");
        String key = UUID.randomUUID().toString();
        String id = given().auth().oauth2(shelter).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body("0461").toString()).post("/api/v1/referrals").then().statusCode(201).extract().path("id");
        given().auth().oauth2(shelter).post("/api/v1/referrals/" + id + "/consent/withdraw").then().statusCode(200);

        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                select children::text, matching::text, expected_move_out, consent_given_at, consent_method, consent_recorded_by,
                       consent_scopes::text, municipality_code, status, received_at
                  from referral where id = ?1""").setParameter(1, UUID.fromString(id)).getSingleResult());
        for (int i = 0; i < 6; i++) {
            assertEquals(null, row[i], "column " + i + " could single her out and is gone after erasure");
        }
        assertEquals("[]", row[6]);
        assertEquals("0461", row[7], "the municipality stays: statistics has it already");
        assertEquals("WITHDRAWN", row[8]);
        long keys = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from idempotency_key where referral_id = ?1").setParameter(1, UUID.fromString(id)).getSingleResult()).longValue());
        assertEquals(0, keys, "the idempotency key (a hash of her request) goes with her");
        given().auth().oauth2(shelter).get("/api/v1/referrals/" + id).then().statusCode(200).body("erased", equalTo(true))
                .body("children", nullValue()).body("matching", nullValue()).body("expectedMoveOutDate", nullValue())
                .body("consent", nullValue());
    }

    @Test
    void idempotencyKeysArePurgedAfterTheirReplayWindow() {
        String shelter = TestTokens.shelter("purge-shelter");
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(shelter).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body("0461").toString()).post("/api/v1/referrals").then().statusCode(201).extract().path("id");
        retention.purgeIdempotencyKeys(Instant.now());
        assertEquals(1, keysOf(first), "within the 24 h window the key stays");
        given().auth().oauth2(shelter).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body("0461").toString()).post("/api/v1/referrals").then().statusCode(201).body("id", equalTo(first));
        // A day and an hour later (the row's clock moved back, so other tests' keys are left alone).
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update idempotency_key set created_at = created_at - interval '25 hours' where referral_id = ?1")
                .setParameter(1, UUID.fromString(first)).executeUpdate());
        assertTrue(retention.purgeIdempotencyKeys(Instant.now()) >= 1);
        assertEquals(0, keysOf(first));
    }

    long keysOf(String referralId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from idempotency_key where referral_id = ?1").setParameter(1, UUID.fromString(referralId))
                .getSingleResult()).longValue());
    }

    @Test
    void aReferralNobodyDecidesOnIsClosedAndErasedAfterTheUndecidedRetention() {
        String shelter = TestTokens.shelter("undecided-shelter");
        String id = create(shelter, "0461");
        retention.closeUndecided(Instant.now());
        given().auth().oauth2(shelter).get("/api/v1/referrals/" + id).then().body("status", equalTo("RECEIVED"))
                .body("erased", equalTo(false));
        // 91 days later for this referral only (its clock moved back), past the 90-day rule.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update referral set received_at = received_at - interval '91 days' where id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate());
        assertTrue(retention.closeUndecided(Instant.now()) >= 1);
        given().auth().oauth2(shelter).get("/api/v1/referrals/" + id).then().body("status", equalTo("CLOSED"))
                .body("statusReason", equalTo("UNDECIDED")).body("erased", equalTo(true)).body("personalData", nullValue());
    }

    @Test
    void retentionErasesReferralsLongAfterTheyEndedAndLeavesOpenOnesAlone() {
        String shelter = TestTokens.shelter("retention-shelter");
        String ended = create(shelter, "0461");
        String open = create(shelter, "0461");
        given().auth().oauth2(shelter).contentType(ContentType.JSON).body("{\"reason\":\"NO_LONGER_NEEDED\"}")
                .post("/api/v1/referrals/" + ended + "/withdraw").then().statusCode(200);

        assertEquals(0, retention.eraseExpired(Instant.now()), "not yet: the default retention is 180 days");
        assertTrue(retention.eraseExpired(Instant.now().plus(Duration.ofDays(181))) >= 1);

        given().auth().oauth2(shelter).get("/api/v1/referrals/" + ended).then().body("erased", equalTo(true))
                .body("personalData", nullValue());
        given().auth().oauth2(shelter).get("/api/v1/referrals/" + open).then().body("erased", equalTo(false))
                .body("personalData.firstName", equalTo("Amira"));
    }

    @Test
    void anAdministratorCanEraseAReferral() {
        String shelter = TestTokens.shelter("admin-erase");
        String id = create(shelter, "0101");
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/referrals/" + id + "/erase").then().statusCode(200)
                .body("erased", equalTo(true)).body("status", equalTo("RECEIVED"));
        given().auth().oauth2(shelter).get("/api/v1/referrals/" + id).then().body("personalData", nullValue());
    }

    @Test
    void canaryValuesNeverReachTheLogOrAnyTopic() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String first = "Canaryfirst" + tag;
        String last = "Canarylast" + tag;
        String phone = "+45 4" + tag.chars().filter(Character::isDigit).mapToObj(c -> String.valueOf((char) c))
                .reduce("", String::concat).concat("0000000").substring(0, 7);
        String notes = "Canarynote" + tag;
        String shelter = TestTokens.shelter("canary-shelter");
        String id = post(shelter, body("0461", first, last, phone, notes)).then().statusCode(201).extract().path("id");
        // Drive it through reads, a refused request, status changes and erasure.
        given().auth().oauth2(TestTokens.coordinator("net-odense")).get("/api/v1/referrals/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.coordinator("net-odense")).post("/api/v1/referrals/" + id + "/accept").then().statusCode(200);
        post(shelter, body("0461", first, last, "not a phone " + notes, notes)).then().statusCode(400);
        given().auth().oauth2(shelter).post("/api/v1/referrals/" + id + "/consent/withdraw").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaProbe.readAll(Topics.REFERRALS).stream()
                .filter(r -> id.equals(r.key())).count() >= 4);
        List<String> canaries = List.of(first, last, notes, phone.replace(" ", ""), "amira@example.invalid");
        for (String topic : Topics.all()) {
            for (ConsumerRecord<String, String> r : KafkaProbe.readAll(topic)) {
                String text = r.key() + " " + r.value();
                for (String canary : canaries) {
                    assertFalse(text.contains(canary), "canary on " + topic);
                }
            }
        }
        String log = Files.readString(Path.of("target/referral-service-test.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("Installed features"), "the test reads the service's real log file");
        for (String canary : canaries) {
            assertFalse(log.contains(canary), "canary in the log: " + canary);
        }
    }

    @Test
    void theAdministratorSeesWhichMasterKeysWrapHowManyKeys() {
        create(TestTokens.shelter("keys-shelter"), "0461");
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/admin/master-keys").then().statusCode(200)
                .body("masterKeyId", org.hamcrest.Matchers.hasItem("master-1"))
                .body("find { it.masterKeyId == 'master-1' }.current", equalTo(true))
                .body("find { it.masterKeyId == 'master-1' }.rows.referral_secret", org.hamcrest.Matchers.greaterThan(0));
        given().auth().oauth2(TestTokens.coordinator("net-odense")).get("/api/v1/admin/master-keys").then().statusCode(403);
    }
}
