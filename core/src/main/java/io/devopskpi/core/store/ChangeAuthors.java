package io.devopskpi.core.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Erases change authors (personal data) on request (api.md, "Change authors"): replaces one author, or every
 * author, by a pseudonym, or drops it. A pseudonym is {@code pseudonym-} and the first 16 hex digits of the
 * HMAC-SHA256 of the author under a random key kept in {@code server_setting}: the same author always gets the same
 * pseudonym in this store, and without the key it cannot be traced back by hashing candidate names. Erased changes
 * are marked: a later erasure leaves them as they are (so a pseudonym is never hashed again), and a re-send of their
 * deployment with the original author is a duplicate. No KPI reads an author.
 */
public final class ChangeAuthors {
    static final String KEY_SETTING = "author-pseudonym-key";
    static final String PREFIX = "pseudonym-";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What to do with the author: replace by its pseudonym, or remove it. */
    public enum Erasure {
        PSEUDONYMISE, DROP
    }

    private ChangeAuthors() {
    }

    /**
     * Erases {@code author} (null: every author not erased yet) on every change listing it, in one transaction.
     *
     * @return how many changes were rewritten
     */
    public static int erase(Store store, Instant now, String author, Erasure erasure) {
        try (EventTransaction tx = EventTransaction.begin(store, now)) {
            int changed = tx.eraseAuthors(author, erasure);
            tx.commit();
            return changed;
        } catch (SQLException e) {
            throw new StoreException("cannot erase change authors: " + e.getMessage(), e);
        }
    }

    static int erase(Connection c, String author, Erasure erasure) throws SQLException {
        List<String> authors = author == null ? unerased(c) : List.of(author);
        byte[] key = erasure == Erasure.PSEUDONYMISE && !authors.isEmpty() ? key(c) : null;
        int changed = 0;
        try (PreparedStatement s = c.prepareStatement("UPDATE deployment_change SET author = ?, author_erased = TRUE"
                + " WHERE author = ? AND author_erased = FALSE")) {
            for (String name : authors) {
                s.setString(1, erasure == Erasure.DROP ? null : pseudonym(key, name));
                s.setString(2, name);
                changed += s.executeUpdate();
            }
        }
        return changed;
    }

    /** Per change of the deployment whose author was erased: its stored author (a pseudonym, or null). */
    static Map<String, String> erasedOf(Connection c, String deploymentId) throws SQLException {
        Map<String, String> erased = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT change_id, author FROM deployment_change"
                + " WHERE deployment_id = ? AND author_erased = TRUE")) {
            s.setString(1, deploymentId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    erased.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return erased;
    }

    /** {@code pseudonym-} and the first 16 hex digits of HMAC-SHA256(key, author). */
    static String pseudonym(byte[] key, String author) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(author.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static List<String> unerased(Connection c) throws SQLException {
        List<String> authors = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT author FROM deployment_change"
                + " WHERE author IS NOT NULL AND author_erased = FALSE");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                authors.add(rs.getString(1));
            }
        }
        return authors;
    }

    /** The stored key, or a new random one stored now (the caller holds the write lock: no second key). */
    private static byte[] key(Connection c) throws SQLException {
        Optional<String> stored = ServerSettings.find(c, KEY_SETTING);
        if (stored.isPresent()) {
            return Base64.getDecoder().decode(stored.get());
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        ServerSettings.insert(c, KEY_SETTING, Base64.getEncoder().encodeToString(key));
        return key;
    }
}
