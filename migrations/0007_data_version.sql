CREATE TABLE "data_version" (
	"slot" smallint PRIMARY KEY NOT NULL,
	"commits" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- The data version is the sum of these 64 counters. Every writing transaction adds 1 to one of
-- them, in the same transaction as its writes, so the sum changes exactly when the writes become
-- visible (at commit, to every connection and process) and never before: a sequence would move
-- before the commit, and a reader could cache the old answer under the new version.
--
-- Why 64 slots rather than one row: a single counter row would be locked by the first writing
-- statement of a transaction until it commits, so a long SIPRI import (one transaction) would
-- hold every other writer back for its whole duration. Each transaction takes a slot no other
-- transaction holds (FOR UPDATE SKIP LOCKED): writers never wait for each other here unless 64
-- transactions are writing at once.
INSERT INTO "data_version" ("slot") SELECT generate_series(0, 63);
--> statement-breakpoint
-- Statement-level, once per transaction: a 25,000-row import costs one UPDATE, plus one check
-- of a transaction-local setting per statement after the first. A savepoint rolled back undoes
-- both the UPDATE and the setting, so they stay in step.
CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('armstrail.data_version_bumped', true) IS DISTINCT FROM 'on' THEN
    UPDATE data_version SET commits = commits + 1
      WHERE slot = (SELECT slot FROM data_version ORDER BY random() LIMIT 1 FOR UPDATE SKIP LOCKED);
    IF NOT FOUND THEN
      -- Every slot is held by a running writer: wait for one rather than skip the bump.
      UPDATE data_version SET commits = commits + 1 WHERE slot = floor(random() * 64)::int;
    END IF;
    PERFORM set_config('armstrail.data_version_bumped', 'on', true);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Every table but the counter itself, so that no write path (mutations, the SIPRI importer,
-- seeds, CLIs, later migrations, an operator's psql) can change data without moving the
-- version. A table added later needs the same trigger: tests/response-cache/data-version.test.ts
-- fails until it has it.
DO $$
DECLARE t text;
BEGIN
  FOR t IN
    SELECT tablename FROM pg_tables
    WHERE schemaname = current_schema() AND tablename <> 'data_version'
  LOOP
    EXECUTE format(
      'CREATE TRIGGER data_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()', t);
  END LOOP;
END
$$;
