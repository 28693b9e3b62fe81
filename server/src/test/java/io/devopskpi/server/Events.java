package io.devopskpi.server;

/** Event bodies for tests, valid as written; tests change one thing at a time. */
final class Events {
    static final String DEPLOYMENT = """
            {"type": "deployment", "id": "ci-1/shop/42", "application": "shop", "environment": "production",
             "started": "2026-01-05T10:00:00Z", "finished": "2026-01-05T10:07:00Z",
             "result": "SUCCESS", "kind": "NORMAL", "revision": "9f2c1e0",
             "changes": [{"id": "c41", "committed": "2026-01-04T09:00:00Z", "author": "ann"}],
             "components": [{"name": "pipeline-lib", "version": "3.2.0"}],
             "pipeline": "shop/main", "url": "https://ci.example/job/shop/42/", "imported": false,
             "team": null, "supplier": null}""";
    static final String INCIDENT = """
            {"type": "incident", "id": "INC-7", "application": "shop", "environment": "production",
             "started": "2026-01-05T11:00:00Z", "detected": "2026-01-05T11:20:00Z", "resolved": "2026-01-05T13:00:00Z",
             "severity": "major", "cause": "ci-1/shop/42", "team": null, "supplier": null}""";
    static final String ASSIGNMENT = """
            {"type": "assignment", "application": "shop", "supplier": "acme", "team": "payments",
             "responsibility": "DELIVERY", "from": "2026-01-01T00:00:00Z", "to": null}""";

    private Events() {
    }

    static String batch(String... events) {
        return "[" + String.join(",", events) + "]";
    }

    /** The test deployment with another id (and so another identity). */
    static String deployment(String id) {
        return DEPLOYMENT.replace("ci-1/shop/42", id);
    }
}
