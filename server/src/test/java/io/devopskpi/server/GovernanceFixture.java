package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link GateFixture}'s shop deployments (January 2026: 10 change attempts, 2 FAILURE → success rate 0.8, two
 * restores of 1 day) plus governance: shop is built by acme and run by northwind since 2025, tagged web; calc
 * (no deployments) is built by a supplier whose name looks like a spreadsheet formula. acme's targets:
 * changeSuccessRate ≥ 0.8 (min 10, monthly) and timeToRestoreMean ≤ 12 h (min 1, monthly), both since Jan 1.
 * Stored policies: release-shop (changeSuccessRate ≥ 0.9 on shop) and needs-data (≥ 0.5 with 50 samples).
 * Surveys of acme: Q4 2025 (4.0 from 10) and January (3.0 from 30).
 */
final class GovernanceFixture {
    static final String GOVERNANCE = """
            [{"type":"assignment","application":"shop","supplier":"acme","team":"storefront",
              "responsibility":"DELIVERY","from":"2025-01-01T00:00:00Z"},
             {"type":"assignment","application":"shop","supplier":"northwind","responsibility":"OPERATIONS",
              "from":"2025-01-01T00:00:00Z"},
             {"type":"assignment","application":"calc","supplier":"=evil","responsibility":"BOTH",
              "from":"2025-01-01T00:00:00Z"},
             {"type":"application","application":"shop","tags":["web"]},
             {"type":"target","supplier":"acme","metric":"changeSuccessRate","operator":">=","value":0.8,
              "minSamples":10,"period":"MONTH","from":"2026-01-01T00:00:00Z"},
             {"type":"target","supplier":"acme","metric":"timeToRestoreMean","operator":"<=","value":"12h",
              "minSamples":1,"period":"MONTH","from":"2026-01-01T00:00:00Z"},
             {"type":"survey","id":"2025-Q4-acme","supplier":"acme","from":"2025-10-01T00:00:00Z",
              "to":"2026-01-01T00:00:00Z","score":4.0,"respondents":10},
             {"type":"survey","id":"2026-01-acme-shop","supplier":"acme","application":"shop",
              "from":"2026-01-01T00:00:00Z","to":"2026-02-01T00:00:00Z","score":3.0,"respondents":30,
              "comment":"slow"},
             {"type":"policy","name":"release-shop","gate":{"scope":{"application":"shop"},"window":"P30D",
              "thresholds":[{"metric":"changeSuccessRate","operator":">=","value":0.9}]}},
             {"type":"policy","name":"needs-data","gate":{"scope":{"application":"shop"},"window":"P30D",
              "minSamples":50,"thresholds":[{"metric":"changeSuccessRate","operator":">=","value":0.5}]}}]""";

    private GovernanceFixture() {
    }

    static TestServer seededServer() {
        TestServer server = GateFixture.seededServer();
        var response = server.post(GOVERNANCE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return server;
    }
}
