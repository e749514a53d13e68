package dk.qnet.referral.crypto;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.qnet.referral.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Keeps each referral's personal data sealed in referral_secret, and destroys it on erasure. */
@ApplicationScoped
public class PersonalDataStore {

    private final EntityManager em;
    private final PersonalDataVault vault;
    private final ObjectMapper json;

    public PersonalDataStore(EntityManager em, PersonalDataVault vault, ObjectMapper json) {
        this.em = em;
        this.vault = vault;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(UUID referralId, PersonalData data) {
        PersonalDataVault.Sealed sealed;
        try {
            sealed = vault.seal(referralId.toString(), json.writeValueAsBytes(data));
        } catch (IOException e) {
            throw new IllegalStateException("could not serialise personal data", e);
        }
        em.createNativeQuery("insert into referral_secret (referral_id, master_key_id, wrapped_key, personal_data) values (?1, ?2, ?3, ?4)")
                .setParameter(1, referralId)
                .setParameter(2, sealed.masterKeyId())
                .setParameter(3, sealed.wrappedKey())
                .setParameter(4, sealed.ciphertext())
                .executeUpdate();
    }

    /** The personal data, or empty once it is erased. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PersonalData> load(UUID referralId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select master_key_id, wrapped_key, personal_data from referral_secret where referral_id = ?1")
                .setParameter(1, referralId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        byte[] plaintext = vault.open(referralId.toString(), (String) row[0], (byte[]) row[1], (byte[]) row[2]);
        try {
            return Optional.of(json.readValue(plaintext, PersonalData.class));
        } catch (IOException e) {
            throw new IllegalStateException("could not read personal data", e);
        }
    }

    /**
     * A further piece of her personal data (a note of her plan), sealed under her referral's data
     * key; empty once she is erased (there is no key left to seal it with).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<byte[]> sealNote(UUID referralId, String part, String text) {
        return dataKey(referralId).map(k -> vault.sealUnder(referralId.toString(), k.masterKeyId(), k.wrappedKey(), part,
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** A note sealed by {@link #sealNote}; empty once she is erased. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> openNote(UUID referralId, String part, byte[] sealed) {
        return dataKey(referralId).map(k -> new String(vault.openUnder(referralId.toString(), k.masterKeyId(), k.wrappedKey(), part, sealed),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private record DataKey(String masterKeyId, byte[] wrappedKey) {
    }

    private Optional<DataKey> dataKey(UUID referralId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select master_key_id, wrapped_key from referral_secret where referral_id = ?1")
                .setParameter(1, referralId).getResultList();
        return rows.stream().findFirst().map(row -> new DataKey((String) row[0], (byte[]) row[1]));
    }

    /** Crypto-shredding: the data key goes, and with it every copy of the ciphertext. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean erase(UUID referralId) {
        return em.createNativeQuery("delete from referral_secret where referral_id = ?1")
                .setParameter(1, referralId)
                .executeUpdate() == 1;
    }
}
