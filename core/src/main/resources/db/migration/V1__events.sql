-- One schema for H2 and PostgreSQL: standard types only, instants as TIMESTAMP WITH TIME ZONE (microseconds).

CREATE TABLE deployment (
    id           VARCHAR(512)  NOT NULL PRIMARY KEY,
    application  VARCHAR(200)  NOT NULL,
    environment  VARCHAR(200)  NOT NULL,
    started      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    result       VARCHAR(16)   NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    revision     VARCHAR(200),
    pipeline     VARCHAR(2048),
    url          VARCHAR(2048),
    imported     BOOLEAN       NOT NULL,
    team         VARCHAR(200),
    supplier     VARCHAR(200),
    recorded_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
-- KPI windows: all applications of an environment, or one application, by finished time in order.
CREATE INDEX deployment_env_finished ON deployment (environment, finished);
CREATE INDEX deployment_app_env_order ON deployment (application, environment, finished, started, id);

CREATE TABLE deployment_change (
    deployment_id VARCHAR(512) NOT NULL REFERENCES deployment (id),
    change_id     VARCHAR(512) NOT NULL,
    committed     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    author        VARCHAR(200),
    PRIMARY KEY (deployment_id, change_id)
);
-- Lead time: "was this change listed on an earlier SUCCESS deployment?"
CREATE INDEX deployment_change_change ON deployment_change (change_id);

CREATE TABLE deployment_component (
    deployment_id     VARCHAR(512) NOT NULL REFERENCES deployment (id),
    name              VARCHAR(200) NOT NULL,
    component_version VARCHAR(200) NOT NULL,
    PRIMARY KEY (deployment_id, name)
);

CREATE TABLE incident (
    id           VARCHAR(512) NOT NULL PRIMARY KEY,
    application  VARCHAR(200) NOT NULL,
    environment  VARCHAR(200) NOT NULL,
    started      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    detected     TIMESTAMP(6) WITH TIME ZONE,
    resolved     TIMESTAMP(6) WITH TIME ZONE,
    severity     VARCHAR(200),
    cause        VARCHAR(512),
    team         VARCHAR(200),
    supplier     VARCHAR(200),
    recorded_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX incident_app_env_started ON incident (application, environment, started);
CREATE INDEX incident_env_started ON incident (environment, started);
CREATE INDEX incident_cause ON incident (cause);

CREATE TABLE assignment (
    application    VARCHAR(200) NOT NULL,
    responsibility VARCHAR(16)  NOT NULL,
    valid_from     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    valid_to       TIMESTAMP(6) WITH TIME ZONE,
    supplier       VARCHAR(200) NOT NULL,
    team           VARCHAR(200),
    PRIMARY KEY (application, responsibility, valid_from)
);
CREATE INDEX assignment_supplier ON assignment (supplier);
CREATE INDEX assignment_team ON assignment (team);

-- Every ingestion transaction first updates this single row: writers (also from several controllers sharing
-- one PostgreSQL) are serialised, so check-then-write rules (duplicates, overlaps) hold under concurrency.
CREATE TABLE write_lock (
    id       INTEGER NOT NULL PRIMARY KEY,
    writes   BIGINT  NOT NULL
);
INSERT INTO write_lock (id, writes) VALUES (1, 0);

-- Server settings, e.g. the SHA-256 hash of the write token (never the token itself).
CREATE TABLE server_setting (
    name          VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(2048) NOT NULL
);
