-- A team's or supplier's read looks only at the applications that name it (kpi/Narrowing): those of its
-- assignments (indexed in V1) and those whose deployments or incidents name it as their own. These indexes answer
-- the second part without reading every event; most events name nobody, and an index of NULLs costs little.
CREATE INDEX deployment_supplier_application ON deployment (supplier, environment, application);
CREATE INDEX deployment_team_application ON deployment (team, environment, application);
CREATE INDEX incident_supplier_application ON incident (supplier, environment, application);
CREATE INDEX incident_team_application ON incident (team, environment, application);
