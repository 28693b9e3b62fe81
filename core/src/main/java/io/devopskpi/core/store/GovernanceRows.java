package io.devopskpi.core.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.model.ApplicationProfile;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.model.GatePolicy;
import io.devopskpi.core.model.ReviewPeriod;
import io.devopskpi.core.model.Severity;
import io.devopskpi.core.model.Survey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The governance events in their tables (V2): application tags, contract targets, surveys and gate policies, on
 * the caller's connection. Lists come in a stable order (targets by supplier, applications, metric, from).
 */
final class GovernanceRows {
    private static final String TARGET_COLUMNS = "SELECT supplier, applications, metric, valid_from, valid_to, "
            + "operator, target_value, min_samples, review_period, min_severity FROM contract_target";
    private static final String SURVEY_COLUMNS = "SELECT id, supplier, application, valid_from, valid_to, score, "
            + "respondents, comment FROM survey";

    private GovernanceRows() {
    }

    static Optional<ApplicationProfile> profile(Connection c, String application) throws SQLException {
        List<String> tags = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT tag FROM application_tag WHERE application = ?")) {
            s.setString(1, application);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tags.add(rs.getString(1));
                }
            }
        }
        return tags.isEmpty() ? Optional.empty() : Optional.of(new ApplicationProfile(application, tags));
    }

    /** Every application's tags, by application. */
    static List<ApplicationProfile> profiles(Connection c) throws SQLException {
        java.util.Map<String, List<String>> tags = new java.util.TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT application, tag FROM application_tag");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tags.computeIfAbsent(rs.getString(1), a -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        List<ApplicationProfile> profiles = new ArrayList<>();
        tags.forEach((application, names) -> profiles.add(new ApplicationProfile(application, names)));
        return profiles;
    }

    /** Replaces the application's tags (deleting and inserting: tags are a set without other columns). */
    static void replace(Connection c, ApplicationProfile profile) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM application_tag WHERE application = ?")) {
            s.setString(1, profile.application());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO application_tag (application, tag) VALUES (?, ?)")) {
            for (String tag : profile.tags()) {
                s.setString(1, profile.application());
                s.setString(2, tag);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    static List<ContractTarget> targets(Connection c, String supplier) throws SQLException {
        String sql = TARGET_COLUMNS + (supplier == null ? "" : " WHERE supplier = ?");
        List<ContractTarget> targets = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (supplier != null) {
                s.setString(1, supplier);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    target(rs).ifPresent(targets::add);
                }
            }
        }
        // sorted in Java: the same order whatever the database's collation
        targets.sort(java.util.Comparator.comparing(ContractTarget::supplier)
                .thenComparing(t -> String.join("\n", t.applications()))
                .thenComparing(t -> t.metric().apiName())
                .thenComparing(ContractTarget::from));
        return targets;
    }

    static void insert(Connection c, ContractTarget t) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO contract_target (supplier, applications, metric,"
                + " valid_from, valid_to, operator, target_value, min_samples, review_period, min_severity)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, t.supplier());
            s.setString(2, applications(t));
            s.setString(3, t.metric().apiName());
            Sql.setInstant(s, 4, t.from());
            Sql.setInstant(s, 5, t.to());
            s.setString(6, t.operator().symbol());
            s.setDouble(7, t.value());
            s.setInt(8, t.minSamples());
            s.setString(9, t.period().name());
            s.setString(10, t.minSeverity() == null ? null : t.minSeverity().name());
            s.executeUpdate();
        }
    }

    /** Replaces operator, value, minSamples, period, minSeverity and to of the target with the same key. */
    static void replace(Connection c, ContractTarget t) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE contract_target SET valid_to = ?, operator = ?,"
                + " target_value = ?, min_samples = ?, review_period = ?, min_severity = ?"
                + " WHERE supplier = ? AND applications = ? AND metric = ? AND valid_from = ?")) {
            Sql.setInstant(s, 1, t.to());
            s.setString(2, t.operator().symbol());
            s.setDouble(3, t.value());
            s.setInt(4, t.minSamples());
            s.setString(5, t.period().name());
            s.setString(6, t.minSeverity() == null ? null : t.minSeverity().name());
            s.setString(7, t.supplier());
            s.setString(8, applications(t));
            s.setString(9, t.metric().apiName());
            Sql.setInstant(s, 10, t.from());
            s.executeUpdate();
        }
    }

    private static String applications(ContractTarget t) {
        JsonArray names = new JsonArray();
        t.applications().forEach(names::add);
        return names.toString();
    }

    /**
     * The target of the row; empty when a newer version stored a metric, operator, review period or minimum
     * severity this version does not know (StoredValues): such a target cannot be evaluated here and is left out.
     */
    private static Optional<ContractTarget> target(ResultSet rs) throws SQLException {
        GateMetric metric = GateMetric.byApiName(rs.getString("metric"));
        Operator operator = Operator.bySymbol(rs.getString("operator"));
        Optional<ReviewPeriod> period = StoredValues.reviewPeriod(rs.getString("review_period"));
        String storedSeverity = rs.getString("min_severity");
        Optional<Severity> minSeverity = storedSeverity == null ? Optional.empty()
                : Severity.minimum(storedSeverity.toLowerCase(java.util.Locale.ROOT));
        if (metric == null || operator == null || period.isEmpty()
                || (storedSeverity != null && minSeverity.isEmpty())) {
            return Optional.empty();
        }
        List<String> applications = new ArrayList<>();
        JsonParser.parseString(rs.getString("applications")).getAsJsonArray()
                .forEach(name -> applications.add(name.getAsString()));
        return Optional.of(new ContractTarget(rs.getString("supplier"), applications.isEmpty() ? null : applications,
                metric, operator, rs.getDouble("target_value"), rs.getInt("min_samples"), period.get(),
                Sql.getInstant(rs, "valid_from"), Sql.getInstant(rs, "valid_to"), minSeverity.orElse(null)));
    }

    static Optional<Survey> survey(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SURVEY_COLUMNS + " WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(survey(rs)) : Optional.empty();
            }
        }
    }

    /** Every survey, ordered by from, then id (in Java, whatever the collation). */
    static List<Survey> surveys(Connection c) throws SQLException {
        List<Survey> surveys = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SURVEY_COLUMNS); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                surveys.add(survey(rs));
            }
        }
        surveys.sort(java.util.Comparator.comparing(Survey::from).thenComparing(Survey::id));
        return surveys;
    }

    private static Survey survey(ResultSet rs) throws SQLException {
        return new Survey(rs.getString("id"), rs.getString("supplier"), rs.getString("application"),
                Sql.getInstant(rs, "valid_from"), Sql.getInstant(rs, "valid_to"), rs.getDouble("score"),
                rs.getInt("respondents"), rs.getString("comment"));
    }

    static void insert(Connection c, Survey survey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO survey (id, supplier, application, valid_from,"
                + " valid_to, score, respondents, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, survey.id());
            s.setString(2, survey.supplier());
            s.setString(3, survey.application());
            Sql.setInstant(s, 4, survey.from());
            Sql.setInstant(s, 5, survey.to());
            s.setDouble(6, survey.score());
            s.setInt(7, survey.respondents());
            s.setString(8, survey.comment());
            s.executeUpdate();
        }
    }

    /** Replaces score, respondents and comment; the rest identifies the survey. */
    static void update(Connection c, Survey survey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE survey SET score = ?, respondents = ?, comment = ?"
                + " WHERE id = ?")) {
            s.setDouble(1, survey.score());
            s.setInt(2, survey.respondents());
            s.setString(3, survey.comment());
            s.setString(4, survey.id());
            s.executeUpdate();
        }
    }

    static Optional<GatePolicy> policy(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT gate FROM gate_policy WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new GatePolicy(name, rs.getString(1))) : Optional.empty();
            }
        }
    }

    static List<GatePolicy> policies(Connection c) throws SQLException {
        List<GatePolicy> policies = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name, gate FROM gate_policy");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                policies.add(new GatePolicy(rs.getString(1), rs.getString(2)));
            }
        }
        policies.sort(java.util.Comparator.comparing(GatePolicy::name));
        return policies;
    }

    static void upsert(Connection c, GatePolicy policy, boolean exists) throws SQLException {
        String sql = exists ? "UPDATE gate_policy SET gate = ? WHERE name = ?"
                : "INSERT INTO gate_policy (gate, name) VALUES (?, ?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, policy.gate());
            s.setString(2, policy.name());
            s.executeUpdate();
        }
    }
}
