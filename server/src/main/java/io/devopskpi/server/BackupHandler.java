package io.devopskpi.server;

import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreBackup;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/backup}: a consistent backup of the running embedded store as a zip file
 * ({@link StoreBackup}), for {@code backup --server}. It holds every event and the write token's hash, so it needs
 * the server's own write token (a named writer's is refused with 403). A PostgreSQL store is answered 409: pg_dump
 * backs it up.
 */
final class BackupHandler implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(BackupHandler.class);
    static final String CONTENT_TYPE = "application/zip";

    private final TokenAuth auth;
    private final Store store;
    private final Clock clock;

    BackupHandler(TokenAuth auth, Store store, Clock clock) {
        this.auth = auth;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        auth.requireOwnWriteToken(ctx);
        if (store.config().isPostgres()) {
            throw ApiException.error(HttpStatus.CONFLICT.getCode(),
                    "the store is PostgreSQL: back it up with pg_dump (docs/reliability.md)");
        }
        Path folder = Files.createTempDirectory("devops-kpi-backup");
        Path file = folder.resolve("backup.zip");
        try {
            StoreBackup.Manifest manifest = StoreBackup.backup(store, file, clock.instant());
            LOG.info("backup taken: schema version {}, {} bytes", manifest.schemaVersion(), Files.size(file));
            ctx.status(HttpStatus.OK).header("Content-Disposition", "attachment; filename=\"devops-kpi-backup.zip\"")
                    .result(Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE));
            // bytes, not text: no charset (the server's default content type carries one)
            ctx.res().setCharacterEncoding(null);
            ctx.res().setContentType(CONTENT_TYPE);
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        } finally {
            folder.toFile().deleteOnExit();
        }
    }
}
