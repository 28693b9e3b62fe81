-- A team's or supplier's read looks only at the applications that name it (kpi/Narrowing): those of its
-- assignments (indexed in V1) and those whose deployments or incidents name it as their own. These indexes answer
-- the second part without reading every event; most events name nobody, and an index of NULLs costs little.
CREATE INDEX deployment_supplier_application ON deployment (supplier, environment, application);
CREATE INDEX deployment_team_application ON deployment (team, environment, application);
CREATE INDEX incident_supplier_application ON incident (supplier, environment, application);
CREATE INDEX incident_team_application ON incident (team, environment, application);
-- A read of some applications takes lead time's first listings by application and window; the primary key
-- (environment, application, change_id) would read every listing of the applications' history.
CREATE INDEX change_first_listing_app_env_finished ON change_first_listing (application, environment, finished);
