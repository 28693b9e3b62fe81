-- Supplier governance (issue 5): application tags, contract targets, satisfaction surveys and gate policies.
-- Standard types only, as in V1, so that H2 and PostgreSQL run the same text.

CREATE TABLE application_tag (
    application VARCHAR(200) NOT NULL,
    tag         VARCHAR(50)  NOT NULL,
    PRIMARY KEY (application, tag)
);
CREATE INDEX application_tag_tag ON application_tag (tag);

-- applications: the sorted names as a JSON array, '[]' for all of the supplier's applications. The key
-- (supplier, applications, metric, valid_from) is enforced by the ingestion rule under the write lock: a unique
-- index over a long text column would hit PostgreSQL's index row size limit.
CREATE TABLE contract_target (
    supplier      VARCHAR(200)   NOT NULL,
    applications  VARCHAR(12000) NOT NULL,
    metric        VARCHAR(64)    NOT NULL,
    valid_from    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    valid_to      TIMESTAMP(6) WITH TIME ZONE,
    operator      VARCHAR(2)     NOT NULL,
    target_value  DOUBLE PRECISION NOT NULL,
    min_samples   INTEGER        NOT NULL,
    review_period VARCHAR(16)    NOT NULL
);
CREATE INDEX contract_target_supplier ON contract_target (supplier, metric);

CREATE TABLE survey (
    id          VARCHAR(512)  NOT NULL PRIMARY KEY,
    supplier    VARCHAR(200)  NOT NULL,
    application VARCHAR(200),
    valid_from  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    valid_to    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    score       DOUBLE PRECISION NOT NULL,
    respondents INTEGER       NOT NULL,
    comment     VARCHAR(2048)
);
CREATE INDEX survey_supplier ON survey (supplier, valid_from);

CREATE TABLE gate_policy (
    name VARCHAR(200)   NOT NULL PRIMARY KEY,
    gate VARCHAR(65536) NOT NULL
);
