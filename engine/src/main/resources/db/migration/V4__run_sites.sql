-- The sites file a run was submitted with (a run without a row uses the engine's own sites), so
-- that following the run again reopens the same sites: the file's name and text, and the values of
-- the environment variables the text named (env:NAME in braces) when it was read. Never a secret:
-- tokens are references.
CREATE TABLE run_sites (
  run_id     VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES runs (id),
  sites_file VARCHAR     NOT NULL,
  sites_text CLOB        NOT NULL
);

-- One row per variable: no encoding to get wrong, whatever the value holds.
CREATE TABLE run_sites_env (
  run_id    VARCHAR(64) NOT NULL REFERENCES runs (id),
  env_name  VARCHAR     NOT NULL,
  env_value VARCHAR     NOT NULL,
  PRIMARY KEY (run_id, env_name)
);
