package dk.qnet.referral.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption with the JDK's AES-GCM. Each sealed value (a referral's personal data, an
 * organisation's webhook secret) has its own 256-bit data key, stored only wrapped (encrypted)
 * by a master key, whose id is stored beside it. Both layers bind the value's context (the
 * referral id, or the organisation) as associated data, so a ciphertext copied onto another row
 * does not decrypt.
 *
 * <p>Several master keys may be configured at once: the current one seals and re-wraps; retiring
 * ones only open. A row wrapped by a key that is no longer configured cannot be opened at all:
 * that is what makes erasure hold for backups once the key of their time is destroyed.
 */
@ApplicationScoped
public class PersonalDataVault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> masterKeys;
    /** A master key's id, as stored beside each wrapping and shown to the admin. */
    public static final int MAX_KEY_ID_LENGTH = 64;
    /** The current key and those still being retired. */
    public static final int MAX_KEYS = 10;

    private final String currentKeyId;
    private final Map<String, SecretKey> hashKeys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataVault(CryptoConfig config) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keys.put(config.masterKeyId(), aesKey(config.masterKeyId(), config.masterKey()));
        for (String pair : config.retiringKeys().orElse("").split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int colon = pair.indexOf(':');
            if (colon < 1) {
                throw new IllegalStateException("qnet.crypto.retiring-keys must be id:base64 pairs separated by commas");
            }
            String id = pair.substring(0, colon).trim();
            if (keys.containsKey(id)) {
                throw new IllegalStateException("master key id " + id + " is configured twice");
            }
            keys.put(id, aesKey(id, pair.substring(colon + 1)));
        }
        for (String id : keys.keySet()) {
            if (id.isEmpty() || id.length() > MAX_KEY_ID_LENGTH) {
                throw new IllegalStateException("a master key id must be 1 to " + MAX_KEY_ID_LENGTH + " characters");
            }
        }
        if (keys.size() > MAX_KEYS) {
            throw new IllegalStateException("at most " + MAX_KEYS + " master keys (the current one and those being retired)");
        }
        this.masterKeys = Collections.unmodifiableMap(keys);
        this.currentKeyId = config.masterKeyId();
        Map<String, SecretKey> hashes = new LinkedHashMap<>();
        keys.forEach((id, key) -> hashes.put(id, new SecretKeySpec(derive(key.getEncoded(), "qnet-request-hash"), "HmacSHA256")));
        this.hashKeys = Collections.unmodifiableMap(hashes);
    }

    /** A sealed value: the id of the master key that wrapped its data key, the wrapped key, the ciphertext. */
    public record Sealed(String masterKeyId, byte[] wrappedKey, byte[] ciphertext) {
    }

    /** Thrown when a row was wrapped by a master key that is not (or no longer) configured. */
    public static final class UnknownMasterKeyException extends IllegalStateException {
        UnknownMasterKeyException(String keyId) {
            super("master key " + keyId + " is not configured");
        }
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public Set<String> configuredKeyIds() {
        return masterKeys.keySet();
    }

    public Sealed seal(String context, byte[] plaintext) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            SecretKey dataKey = generator.generateKey();
            byte[] wrapped = encrypt(masterKeys.get(currentKeyId), dataKey.getEncoded(), aad("key", context));
            byte[] ciphertext = encrypt(dataKey, plaintext, aad("data", context));
            return new Sealed(currentKeyId, wrapped, ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public byte[] open(String context, String masterKeyId, byte[] wrappedKey, byte[] ciphertext) {
        try {
            return decrypt(dataKey(context, masterKeyId, wrappedKey), ciphertext, aad("data", context));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

    /**
     * Seals a further value of the same context (a note of her plan) under that context's existing
     * data key: it is readable exactly as long as the data key is, so erasing her sealed row shreds
     * it too, and a re-wrap under a new master key carries it along. {@code part} names the value
     * (a goal's id), so a ciphertext moved to another value does not decrypt.
     */
    public byte[] sealUnder(String context, String masterKeyId, byte[] wrappedKey, String part, byte[] plaintext) {
        try {
            return encrypt(dataKey(context, masterKeyId, wrappedKey), plaintext, aad("data", context + ":" + part));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** Opens a value sealed by {@link #sealUnder}. */
    public byte[] openUnder(String context, String masterKeyId, byte[] wrappedKey, String part, byte[] ciphertext) {
        try {
            return decrypt(dataKey(context, masterKeyId, wrappedKey), ciphertext, aad("data", context + ":" + part));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

    /** The same data key, wrapped by the current master key instead; the ciphertext stays as it is. */
    public byte[] rewrap(String context, String masterKeyId, byte[] wrappedKey) {
        try {
            byte[] dataKey = decrypt(master(masterKeyId), wrappedKey, aad("key", context));
            return encrypt(masterKeys.get(currentKeyId), dataKey, aad("key", context));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("re-wrapping failed", e);
        }
    }

    /** A keyed hash under the current key: equal inputs give equal hashes, and it reveals nothing of the input. */
    public String keyedHash(byte[] input) {
        return hash(hashKeys.get(currentKeyId), input);
    }

    /** Whether a hash made by {@link #keyedHash} under any configured key is that of this input. */
    public boolean matchesKeyedHash(byte[] input, String stored) {
        for (SecretKey key : hashKeys.values()) {
            if (MessageDigest.isEqual(hash(key, input).getBytes(StandardCharsets.US_ASCII), stored.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    /** A context's data key, unwrapped by the master key that wrapped it. */
    private SecretKey dataKey(String context, String masterKeyId, byte[] wrappedKey) throws GeneralSecurityException {
        return new SecretKeySpec(decrypt(master(masterKeyId), wrappedKey, aad("key", context)), "AES");
    }

    private SecretKey master(String keyId) {
        SecretKey key = masterKeys.get(keyId);
        if (key == null) {
            throw new UnknownMasterKeyException(keyId);
        }
        return key;
    }

    private static String hash(SecretKey key, byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(input));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretKey aesKey(String id, String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("master key " + id + " is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("master key " + id + " must be 32 bytes, base64-encoded");
        }
        return new SecretKeySpec(raw, "AES");
    }

    private byte[] encrypt(SecretKey key, byte[] plaintext, byte[] aad) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(aad);
        byte[] ciphertext = cipher.doFinal(plaintext);
        return ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array();
    }

    private static byte[] decrypt(SecretKey key, byte[] sealed, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
        cipher.updateAAD(aad);
        return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }

    private static byte[] aad(String layer, String context) {
        return (layer + ":" + context).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
