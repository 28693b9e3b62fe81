package io.devopskpi.server;

import io.devopskpi.core.store.ServerSettings;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;

/**
 * The write token when none is configured: generated on first start (32 random bytes, base64url), printed once,
 * and only its SHA-256 hash kept in {@code server_setting}, so a copy of the database does not grant writes.
 */
final class WriteTokens {
    static final String SETTING = "write-token-sha256";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WriteTokens() {
    }

    /** The stored hash, or the hash of a new token that is stored and printed on {@code out}. */
    static TokenHash establish(Store store, PrintStream out) {
        Optional<TokenHash> stored = stored(store);
        if (stored.isPresent()) {
            out.println("A write token was generated on an earlier start (only its hash is stored). To use another "
                    + "one, start with the environment variable DEVOPS_KPI_API_TOKEN set.");
            return stored.get();
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        TokenHash hash = TokenHash.of(token);
        try {
            insert(store, hash);
        } catch (SQLException e) {
            // another server sharing this database may have stored its token first: then that one holds
            return stored(store).orElseThrow(() -> new StoreException("cannot store the write token hash: "
                    + e.getMessage(), e));
        }
        out.println("Generated write token (shown only this once, keep it secret): " + token);
        out.println("Send it as 'Authorization: Bearer <token>' with POST /api/v1/events.");
        return hash;
    }

    private static Optional<TokenHash> stored(Store store) {
        try {
            return ServerSettings.find(store, SETTING).map(TokenHash::fromHex);
        } catch (SQLException e) {
            throw new StoreException("cannot read the write token hash: " + e.getMessage(), e);
        }
    }

    private static void insert(Store store, TokenHash hash) throws SQLException {
        ServerSettings.insert(store, SETTING, hash.hex());
    }
}
