CREATE TABLE "applied_seeds" (
	"name" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"applied_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Written by hand. Before this migration every start wrote the seed (the Kazan/Mali record and
-- the SIPRI Sahel excerpt) and recorded nothing, so a database that holds any deal was seeded:
-- mark seed "armstrail" version 1 (those same contents) as applied, as of its first deal, so
-- that it is never written again. Deals are never removed (deletion leaves a tombstone), so a
-- researcher's deletion of the Kazan deal does not make the database look new. An empty
-- database gets no row and is seeded at its next start.
INSERT INTO "applied_seeds" ("name", "version", "applied_at")
SELECT 'armstrail', 1, min("created_at") FROM "deals" HAVING count(*) > 0;
