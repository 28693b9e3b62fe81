-- A team's or supplier's read looks only at the applications that can hold its events (kpi/Narrowing): those of
-- its assignments and those whose deployments or incidents name it as their own. This table keeps the second kind,
-- per environment: a row the first time an event names a team or supplier for an application, never removed (a
-- superset is all a read needs; voids and retention leave it). Most events name nobody and write nothing here.
CREATE TABLE event_owner (
    owner_kind  VARCHAR(16)  NOT NULL,
    owner       VARCHAR(200) NOT NULL,
    environment VARCHAR(200) NOT NULL,
    application VARCHAR(200) NOT NULL,
    PRIMARY KEY (owner_kind, owner, environment, application)
);
INSERT INTO event_owner (owner_kind, owner, environment, application)
SELECT 'SUPPLIER', supplier, environment, application FROM deployment WHERE supplier IS NOT NULL
UNION SELECT 'TEAM', team, environment, application FROM deployment WHERE team IS NOT NULL
UNION SELECT 'SUPPLIER', supplier, environment, application FROM incident WHERE supplier IS NOT NULL
UNION SELECT 'TEAM', team, environment, application FROM incident WHERE team IS NOT NULL;

-- A read of some applications takes lead time's first listings by application and window; the primary key
-- (environment, application, change_id) would read every listing of the applications' history.
CREATE INDEX change_first_listing_app_env_finished ON change_first_listing (application, environment, finished);
