package io.devopskpi.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 hash of an API token: what the server keeps and compares, never the token itself. */
final class TokenHash {
    private final byte[] hash;

    private TokenHash(byte[] hash) {
        this.hash = hash;
    }

    static TokenHash of(String token) {
        try {
            return new TokenHash(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static TokenHash fromHex(String hex) {
        return new TokenHash(HexFormat.of().parseHex(hex));
    }

    String hex() {
        return HexFormat.of().formatHex(hash);
    }

    /** Compares in constant time, so response times do not reveal how much of a guess was right. */
    boolean matches(String presented) {
        return MessageDigest.isEqual(hash, of(presented).hash);
    }
}
