-- Lead time's window read takes only the deployment and the commit time of each first listing. With both in the
-- indexes it reads (V7's by environment, V9's by application), H2 answers it from the index alone instead of
-- looking each row up in the table: at a million deployments a quarter's 347,544 listings took 942 ms and 140 ms
-- with it (docs/performance.md). The keys keep their order, so ingest writes the same pages as before.
DROP INDEX change_first_listing_env_finished;
CREATE INDEX change_first_listing_env_finished ON change_first_listing (environment, finished, deployment_id, committed);
DROP INDEX change_first_listing_app_env_finished;
CREATE INDEX change_first_listing_app_env_finished
    ON change_first_listing (application, environment, finished, deployment_id, committed);
