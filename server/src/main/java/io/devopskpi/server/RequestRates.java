package io.devopskpi.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The request budget of each client under one {@link RateLimit}: a bucket per client, refilled evenly. The table
 * holds at most {@link #MAX_CLIENTS} clients: beyond that the one heard from least recently is forgotten (and
 * starts again with a full bucket), so clients that name themselves by many addresses cannot grow memory without
 * bound. Thread-safe; each call takes microseconds under one lock.
 */
final class RequestRates {
    static final int MAX_CLIENTS = 10_000;

    private final RateLimit limit;
    private final LongSupplier nanoTime;
    private final int maxClients;
    private final Map<String, Bucket> buckets;

    /** What is left of a client's budget at a moment. */
    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    RequestRates(RateLimit limit) {
        this(limit, System::nanoTime, MAX_CLIENTS);
    }

    RequestRates(RateLimit limit, LongSupplier nanoTime, int maxClients) {
        this.limit = limit;
        this.nanoTime = nanoTime;
        this.maxClients = maxClients;
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > RequestRates.this.maxClients;
            }
        };
    }

    RateLimit limit() {
        return limit;
    }

    /**
     * Takes one request from the client's budget. @return 0 when the request may go on, else the whole seconds
     * (at least 1) after which the client has budget again
     */
    synchronized long take(String client) {
        if (limit.isOff()) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        double perNano = limit.requests() / (double) limit.period().toNanos();
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            bucket = new Bucket(limit.requests(), now);
            buckets.put(client, bucket);
        } else {
            bucket.tokens = Math.min(limit.requests(), bucket.tokens + (now - bucket.updated) * perNano);
            bucket.updated = now;
        }
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return 0;
        }
        double nanosToWait = (1 - bucket.tokens) / perNano;
        return Math.max(1, (long) Math.ceil(nanosToWait / 1e9));
    }

    /** How many clients the table remembers now. */
    synchronized int clients() {
        return buckets.size();
    }
}
