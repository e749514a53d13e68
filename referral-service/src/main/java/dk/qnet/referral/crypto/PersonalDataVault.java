package dk.qnet.referral.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption with the JDK's AES-GCM. Each referral has its own 256-bit data key; the
 * data key is stored only wrapped (encrypted) by the master key. Both layers bind the referral id
 * as associated data, so a ciphertext copied onto another referral does not decrypt.
 */
@ApplicationScoped
public class PersonalDataVault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey masterKey;
    private final String masterKeyId;
    private final SecretKey hmacKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataVault(CryptoConfig config) {
        byte[] raw = Base64.getDecoder().decode(config.masterKey().trim());
        if (raw.length != 32) {
            throw new IllegalStateException("qnet.crypto.master-key must be 32 bytes, base64-encoded");
        }
        this.masterKey = new SecretKeySpec(raw, "AES");
        this.masterKeyId = config.masterKeyId();
        this.hmacKey = new SecretKeySpec(derive(raw, "qnet-request-hash"), "HmacSHA256");
    }

    /** A sealed referral secret: the wrapped data key and the encrypted personal data. */
    public record Sealed(String masterKeyId, byte[] wrappedKey, byte[] ciphertext) {
    }

    public Sealed seal(UUID referralId, byte[] plaintext) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            SecretKey dataKey = generator.generateKey();
            byte[] wrapped = encrypt(masterKey, dataKey.getEncoded(), aad("key", referralId));
            byte[] ciphertext = encrypt(dataKey, plaintext, aad("data", referralId));
            return new Sealed(masterKeyId, wrapped, ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public byte[] open(UUID referralId, byte[] wrappedKey, byte[] ciphertext) {
        try {
            SecretKey dataKey = new SecretKeySpec(decrypt(masterKey, wrappedKey, aad("key", referralId)), "AES");
            return decrypt(dataKey, ciphertext, aad("data", referralId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

    /** A keyed hash: equal inputs give equal hashes, but the hash reveals nothing of the input. */
    public String keyedHash(byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            return java.util.HexFormat.of().formatHex(mac.doFinal(input));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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

    private static byte[] aad(String layer, UUID referralId) {
        return (layer + ":" + referralId).getBytes(StandardCharsets.UTF_8);
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
