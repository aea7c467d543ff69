-- Each item holds its deal's order key (deals.order_sort), so that a platform's deals can be
-- read in the deals' order from one index: a page of a platform's deals reads its few rows
-- instead of every deal of the platform. Two triggers keep the copy equal to the deal's, for
-- every write path (mutations, the SIPRI importer, seeds, CLIs, an operator's psql).
ALTER TABLE "deal_items" ADD COLUMN "deal_order_sort" integer;
--> statement-breakpoint
-- Before the indexes exist: one pass, no index maintenance.
UPDATE "deal_items" i SET "deal_order_sort" = d."order_sort" FROM "deals" d WHERE d."id" = i."deal_id";
--> statement-breakpoint
DROP INDEX "deal_items_platform_id_idx";--> statement-breakpoint
DROP INDEX "deal_items_variant_platform_id_idx";--> statement-breakpoint
CREATE INDEX "deal_items_platform_order_idx" ON "deal_items" USING btree ("platform_id","deal_order_sort" DESC NULLS LAST,"deal_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deal_items_variant_order_idx" ON "deal_items" USING btree ("variant_platform_id","deal_order_sort" DESC NULLS LAST,"deal_id" DESC NULLS LAST) WHERE "deal_items"."variant_platform_id" is not null;
--> statement-breakpoint
-- An item written (inserted, moved to another deal, or its copy set by hand) takes its deal's
-- key: the copy is never what a writer says, only what the deal holds.
CREATE FUNCTION "deal_items_copy_deal_order"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.deal_order_sort := (SELECT order_sort FROM deals WHERE id = NEW.deal_id);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "deal_items_deal_order" BEFORE INSERT OR UPDATE OF "deal_id", "deal_order_sort"
  ON "deal_items" FOR EACH ROW EXECUTE FUNCTION "deal_items_copy_deal_order"();
--> statement-breakpoint
-- A deal whose order date changes passes its new key to its items. order_sort is generated from
-- the date's columns, which are what an UPDATE names; the AFTER trigger sees its new value.
CREATE FUNCTION "deals_pass_order_to_items"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE deal_items SET deal_order_sort = NEW.order_sort WHERE deal_id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "deals_order_to_items" AFTER UPDATE OF "order_year", "order_month", "order_day"
  ON "deals" FOR EACH ROW WHEN (OLD.order_sort IS DISTINCT FROM NEW.order_sort)
  EXECUTE FUNCTION "deals_pass_order_to_items"();
