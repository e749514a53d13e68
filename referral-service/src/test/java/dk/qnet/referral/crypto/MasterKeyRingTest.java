package dk.qnet.referral.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Crypto-shredding that holds for backups: a row erased live but kept in a backup cannot be read
 * once its period's master key is retired, while rows re-wrapped forward still open.
 */
class MasterKeyRingTest {

    record Config(String masterKey, String masterKeyId, Optional<String> retiringKeys) implements CryptoConfig {
        @Override
        public int rewrapBatch() {
            return 500;
        }

        @Override
        public String rewrapInterval() {
            return "1m";
        }
    }

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void afterErasureRotationAndRetirementAnOldBackupRowCannotBeDecrypted() {
        String k1 = newKey();
        String k2 = newKey();
        byte[] herData = "Amira, +4561234567".getBytes(StandardCharsets.UTF_8);
        byte[] otherData = "Sara, +4540000000".getBytes(StandardCharsets.UTF_8);

        // January: both referrals sealed under master-2026-01; the nightly backup copies the rows.
        PersonalDataVault january = new PersonalDataVault(new Config(k1, "master-2026-01", Optional.empty()));
        PersonalDataVault.Sealed her = january.seal("her-referral", herData);
        PersonalDataVault.Sealed other = january.seal("other-referral", otherData);
        PersonalDataVault.Sealed backupOfHer = new PersonalDataVault.Sealed(her.masterKeyId(), her.wrappedKey().clone(),
                her.ciphertext().clone());

        // Her data is erased live (the row is deleted). A new master key comes; the old one retires.
        PersonalDataVault rotating = new PersonalDataVault(new Config(k2, "master-2026-02", Optional.of("master-2026-01:" + k1)));
        byte[] otherRewrapped = rotating.rewrap("other-referral", other.masterKeyId(), other.wrappedKey());
        assertArrayEquals(otherData, rotating.open("other-referral", "master-2026-02", otherRewrapped, other.ciphertext()));
        assertArrayEquals(herData, rotating.open("her-referral", backupOfHer.masterKeyId(), backupOfHer.wrappedKey(),
                backupOfHer.ciphertext()), "while the old key is still configured, a restored backup would read her");

        // Nothing live uses the old key any more: it is removed and destroyed.
        PersonalDataVault retired = new PersonalDataVault(new Config(k2, "master-2026-02", Optional.empty()));
        assertArrayEquals(otherData, retired.open("other-referral", "master-2026-02", otherRewrapped, other.ciphertext()),
                "rows re-wrapped forward still open");
        assertThrows(PersonalDataVault.UnknownMasterKeyException.class, () -> retired.open("her-referral",
                backupOfHer.masterKeyId(), backupOfHer.wrappedKey(), backupOfHer.ciphertext()));
        // Nor does the current key open it under a forged key id: the wrapping is bound to the old key.
        assertThrows(IllegalStateException.class, () -> retired.open("her-referral", "master-2026-02", backupOfHer.wrappedKey(),
                backupOfHer.ciphertext()));
    }

    @Test
    void newValuesAreSealedUnderTheCurrentKeyAndHashesOfEveryConfiguredKeyStillMatch() {
        String k1 = newKey();
        String k2 = newKey();
        PersonalDataVault before = new PersonalDataVault(new Config(k1, "a", Optional.empty()));
        String hash = before.keyedHash("request".getBytes(StandardCharsets.UTF_8));
        PersonalDataVault after = new PersonalDataVault(new Config(k2, "b", Optional.of("a:" + k1)));
        assertEquals("b", after.seal("x", new byte[] {1}).masterKeyId());
        assertTrue(after.matchesKeyedHash("request".getBytes(StandardCharsets.UTF_8), hash));
        assertThrows(IllegalStateException.class, () -> new PersonalDataVault(new Config(k2, "b", Optional.of("b:" + k1))),
                "one id, two keys");
        assertThrows(IllegalStateException.class, () -> new PersonalDataVault(new Config(k2, "b", Optional.of("a:c2hvcnQ="))),
                "a key must be 32 bytes");
    }
}
