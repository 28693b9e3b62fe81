-- Lead time's fact, kept at ingest (FirstListings): per environment, application and change, the first SUCCESS
-- deployment (metrics.md, "Order": finished, started, id) that lists the change and is not voided, with the commit
-- time given there. A window's lead time samples are the rows whose deployment finished in it: one range read.
-- V8 fills it for deployments stored before this version. One application's window reads the key's prefix
-- (environment, application): a second index, spread over the applications like the key, made every batch of
-- deployments write as many more pages.
CREATE TABLE change_first_listing (
    environment   VARCHAR(200) NOT NULL,
    application   VARCHAR(200) NOT NULL,
    change_id     VARCHAR(512) NOT NULL,
    deployment_id VARCHAR(512) NOT NULL,
    finished      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    started       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    committed     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (environment, application, change_id)
);
CREATE INDEX change_first_listing_env_finished ON change_first_listing (environment, finished);
