-- A CI's job page asks, on every view, what its pipeline deployed last. An index over the pipeline column itself
-- could exceed PostgreSQL's index row size limit (VARCHAR(2048), up to 4 bytes a character), so the lookup goes
-- through the name's first 200 characters, kept beside it; both sides compute it with SUBSTRING, in SQL.
ALTER TABLE deployment ADD COLUMN pipeline_prefix VARCHAR(200);
UPDATE deployment SET pipeline_prefix = SUBSTRING(pipeline FROM 1 FOR 200) WHERE pipeline IS NOT NULL;
CREATE INDEX deployment_pipeline_finished ON deployment (pipeline_prefix, finished);
