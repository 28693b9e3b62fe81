package io.devopskpi.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Named settings the server keeps in the table {@code server_setting} (a write token's hash, the pseudonym key of
 * change authors): written once, never changed; a second insert of a name fails on its key.
 */
public final class ServerSettings {
    private ServerSettings() {
    }

    /** The stored value of the setting, on a connection of its own. */
    public static Optional<String> find(Store store, String name) throws SQLException {
        try (Connection c = store.connection()) {
            return find(c, name);
        }
    }

    /** Stores the setting on a connection of its own; fails when one of that name is stored. */
    public static void insert(Store store, String name, String value) throws SQLException {
        try (Connection c = store.connection()) {
            insert(c, name, value);
        }
    }

    static Optional<String> find(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT setting_value FROM server_setting WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static void insert(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO server_setting (name, setting_value) VALUES (?, ?)")) {
            s.setString(1, name);
            s.setString(2, value);
            s.executeUpdate();
        }
    }
}
