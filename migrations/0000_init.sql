CREATE TYPE "public"."actor_kind" AS ENUM('STATE', 'NON_STATE_ARMED_GROUP', 'INTERNATIONAL_ORGANIZATION', 'COMPANY', 'UNKNOWN');--> statement-breakpoint
CREATE TYPE "public"."api_key_role" AS ENUM('READER', 'EDITOR', 'ADMIN');--> statement-breakpoint
CREATE TYPE "public"."citation_stance" AS ENUM('ASSERTS', 'DISPUTES', 'SPECULATES');--> statement-breakpoint
CREATE TYPE "public"."deal_arrangement" AS ENUM('SALE', 'AID', 'LEASE', 'LICENSED_PRODUCTION', 'UNKNOWN');--> statement-breakpoint
CREATE TYPE "public"."deal_event_type" AS ENUM('REPORTED_INTEREST', 'VISIT', 'NEGOTIATION', 'SELECTION', 'CONTRACT_SIGNED', 'DELIVERY', 'CANCELLATION', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."deal_stage" AS ENUM('REPORTED_INTEREST', 'NEGOTIATING', 'SELECTED', 'ORDERED', 'DELIVERING', 'DELIVERED', 'CANCELLED', 'STALLED');--> statement-breakpoint
CREATE TYPE "public"."item_condition" AS ENUM('NEW', 'SECOND_HAND', 'SECOND_HAND_MODERNIZED');--> statement-breakpoint
CREATE TYPE "public"."revision_action" AS ENUM('CREATE', 'UPDATE', 'DELETE', 'MERGE');--> statement-breakpoint
CREATE TYPE "public"."source_kind" AS ENUM('NEWS', 'GOVERNMENT', 'INDUSTRY', 'NGO', 'DATASET', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."unroca_category" AS ENUM('I_BATTLE_TANKS', 'II_ARMOURED_COMBAT_VEHICLES', 'III_LARGE_CALIBRE_ARTILLERY_SYSTEMS', 'IV_COMBAT_AIRCRAFT', 'V_ATTACK_HELICOPTERS', 'VI_WARSHIPS', 'VII_MISSILES_AND_MISSILE_LAUNCHERS');--> statement-breakpoint
CREATE TYPE "public"."weapon_category" AS ENUM('AIRCRAFT', 'AIR_DEFENCE_SYSTEMS', 'ANTI_SUBMARINE_WARFARE_WEAPONS', 'ARMOURED_VEHICLES', 'ARTILLERY', 'ENGINES', 'MISSILES', 'NAVAL_WEAPONS', 'SATELLITES', 'SENSORS', 'SHIPS', 'OTHER');--> statement-breakpoint
CREATE TABLE "actor_aliases" (
	"actor_id" uuid NOT NULL,
	"alias" text NOT NULL,
	"language" text,
	CONSTRAINT "actor_aliases_actor_id_alias_pk" PRIMARY KEY("actor_id","alias")
);
--> statement-breakpoint
CREATE TABLE "actors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "actor_kind" NOT NULL,
	"name" text NOT NULL,
	"iso_alpha2" text,
	"iso_alpha3" text,
	"iso_numeric" text,
	"parent_id" uuid,
	"country_id" uuid,
	"existed_from" smallint,
	"existed_until" smallint,
	"description" text,
	"merged_into_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "actors_iso_alpha2_format" CHECK ("actors"."iso_alpha2" ~ '^[A-Z]{2}$'),
	CONSTRAINT "actors_iso_alpha3_format" CHECK ("actors"."iso_alpha3" ~ '^[A-Z]{3}$'),
	CONSTRAINT "actors_iso_numeric_format" CHECK ("actors"."iso_numeric" ~ '^[0-9]{3}$')
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"role" "api_key_role" NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "citations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"deal_id" uuid,
	"event_id" uuid,
	"platform_id" uuid,
	"actor_id" uuid,
	"excerpt" text,
	"translation" text,
	"locator" text,
	"stance" "citation_stance" DEFAULT 'ASSERTS' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "citations_one_target" CHECK (num_nonnulls("citations"."deal_id", "citations"."event_id", "citations"."platform_id", "citations"."actor_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "deal_event_actors" (
	"event_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	CONSTRAINT "deal_event_actors_event_id_actor_id_pk" PRIMARY KEY("event_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "deal_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deal_id" uuid NOT NULL,
	"type" "deal_event_type" NOT NULL,
	"date_year" smallint,
	"date_month" smallint,
	"date_day" smallint,
	"date_uncertain" boolean DEFAULT false NOT NULL,
	"place" text,
	"description" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "deal_events_date_parts" CHECK ((date_month is null or (date_year is not null and date_month between 1 and 12)) and (date_day is null or (date_month is not null and date_day between 1 and 31)))
);
--> statement-breakpoint
CREATE TABLE "deal_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deal_id" uuid NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"platform_id" uuid NOT NULL,
	"quantity_ordered" integer,
	"quantity_ordered_low" integer,
	"quantity_ordered_high" integer,
	"quantity_ordered_uncertain" boolean DEFAULT false NOT NULL,
	"quantity_delivered" integer,
	"quantity_delivered_low" integer,
	"quantity_delivered_high" integer,
	"quantity_delivered_uncertain" boolean DEFAULT false NOT NULL,
	"delivery_years" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"condition" "item_condition",
	"tiv_per_unit" numeric,
	"tiv_total_order" numeric,
	"tiv_delivered" numeric,
	"note" text,
	"description" text,
	CONSTRAINT "deal_items_quantity_ordered_range" CHECK ((quantity_ordered_low is null or quantity_ordered_high is null or quantity_ordered_low <= quantity_ordered_high) and (quantity_ordered is null or quantity_ordered_low is null or quantity_ordered_low <= quantity_ordered) and (quantity_ordered is null or quantity_ordered_high is null or quantity_ordered <= quantity_ordered_high)),
	CONSTRAINT "deal_items_quantity_delivered_range" CHECK ((quantity_delivered_low is null or quantity_delivered_high is null or quantity_delivered_low <= quantity_delivered_high) and (quantity_delivered is null or quantity_delivered_low is null or quantity_delivered_low <= quantity_delivered) and (quantity_delivered is null or quantity_delivered_high is null or quantity_delivered <= quantity_delivered_high))
);
--> statement-breakpoint
CREATE TABLE "deals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supplier_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"stage" "deal_stage" NOT NULL,
	"arrangement" "deal_arrangement" DEFAULT 'UNKNOWN' NOT NULL,
	"order_year" smallint,
	"order_month" smallint,
	"order_day" smallint,
	"order_uncertain" boolean DEFAULT false NOT NULL,
	"order_sort" integer GENERATED ALWAYS AS (order_year * 10000 + coalesce(order_month, 0) * 100 + coalesce(order_day, 0)) STORED,
	"value_amount" numeric,
	"value_currency" text,
	"value_covers" text,
	"comments" text,
	"import_key" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "deals_order_date_parts" CHECK ((order_month is null or (order_year is not null and order_month between 1 and 12)) and (order_day is null or (order_month is not null and order_day between 1 and 31))),
	CONSTRAINT "deals_value_currency_format" CHECK ("deals"."value_currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "platform_aliases" (
	"platform_id" uuid NOT NULL,
	"alias" text NOT NULL,
	"language" text,
	CONSTRAINT "platform_aliases_platform_id_alias_pk" PRIMARY KEY("platform_id","alias")
);
--> statement-breakpoint
CREATE TABLE "platform_producers" (
	"platform_id" uuid NOT NULL,
	"producer_id" uuid NOT NULL,
	CONSTRAINT "platform_producers_platform_id_producer_id_pk" PRIMARY KEY("platform_id","producer_id")
);
--> statement-breakpoint
CREATE TABLE "platforms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"designation" text NOT NULL,
	"parent_id" uuid,
	"category" "weapon_category",
	"unroca_category" "unroca_category",
	"description" text,
	"merged_into_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "platforms_not_own_parent" CHECK ("platforms"."parent_id" is distinct from "platforms"."id")
);
--> statement-breakpoint
CREATE TABLE "revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tx_id" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"action" "revision_action" NOT NULL,
	"author_key_id" uuid,
	"author_name" text NOT NULL,
	"reason" text,
	"changes" jsonb NOT NULL,
	"source_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"merged_into_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"record_id" uuid PRIMARY KEY NOT NULL,
	"record_type" text NOT NULL,
	"names" text NOT NULL,
	"body" text NOT NULL,
	"tsv" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "source_kind" NOT NULL,
	"title" text,
	"publisher" text,
	"url" text,
	"archived_url" text,
	"published_year" smallint,
	"published_month" smallint,
	"published_day" smallint,
	"published_uncertain" boolean DEFAULT false NOT NULL,
	"accessed_on" date,
	"language" text,
	"note" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "sources_published_date_parts" CHECK ((published_month is null or (published_year is not null and published_month between 1 and 12)) and (published_day is null or (published_month is not null and published_day between 1 and 31)))
);
--> statement-breakpoint
ALTER TABLE "actor_aliases" ADD CONSTRAINT "actor_aliases_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_parent_id_actors_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_country_id_actors_id_fk" FOREIGN KEY ("country_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_merged_into_id_actors_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_event_id_deal_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."deal_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_event_actors" ADD CONSTRAINT "deal_event_actors_event_id_deal_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."deal_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_event_actors" ADD CONSTRAINT "deal_event_actors_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_events" ADD CONSTRAINT "deal_events_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_items" ADD CONSTRAINT "deal_items_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_items" ADD CONSTRAINT "deal_items_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_supplier_id_actors_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_recipient_id_actors_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_aliases" ADD CONSTRAINT "platform_aliases_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_producers" ADD CONSTRAINT "platform_producers_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_producers" ADD CONSTRAINT "platform_producers_producer_id_actors_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platforms" ADD CONSTRAINT "platforms_parent_id_platforms_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platforms" ADD CONSTRAINT "platforms_merged_into_id_platforms_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_author_key_id_api_keys_id_fk" FOREIGN KEY ("author_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actor_aliases_alias_idx" ON "actor_aliases" USING btree (lower("alias"));--> statement-breakpoint
CREATE UNIQUE INDEX "actors_iso_alpha2_key" ON "actors" USING btree ("iso_alpha2");--> statement-breakpoint
CREATE UNIQUE INDEX "actors_iso_alpha3_key" ON "actors" USING btree ("iso_alpha3");--> statement-breakpoint
CREATE INDEX "actors_name_idx" ON "actors" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "actors_kind_idx" ON "actors" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "actors_parent_id_idx" ON "actors" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "actors_country_id_idx" ON "actors" USING btree ("country_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "citations_source_id_idx" ON "citations" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "citations_deal_id_idx" ON "citations" USING btree ("deal_id") WHERE "citations"."deal_id" is not null;--> statement-breakpoint
CREATE INDEX "citations_event_id_idx" ON "citations" USING btree ("event_id") WHERE "citations"."event_id" is not null;--> statement-breakpoint
CREATE INDEX "citations_platform_id_idx" ON "citations" USING btree ("platform_id") WHERE "citations"."platform_id" is not null;--> statement-breakpoint
CREATE INDEX "citations_actor_id_idx" ON "citations" USING btree ("actor_id") WHERE "citations"."actor_id" is not null;--> statement-breakpoint
CREATE INDEX "deal_event_actors_actor_id_idx" ON "deal_event_actors" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "deal_events_deal_id_idx" ON "deal_events" USING btree ("deal_id","date_year","date_month","date_day");--> statement-breakpoint
CREATE UNIQUE INDEX "deal_items_deal_position_key" ON "deal_items" USING btree ("deal_id","position");--> statement-breakpoint
CREATE INDEX "deal_items_platform_id_idx" ON "deal_items" USING btree ("platform_id","deal_id");--> statement-breakpoint
CREATE INDEX "deal_items_delivery_years_idx" ON "deal_items" USING gin ("delivery_years");--> statement-breakpoint
CREATE INDEX "deals_supplier_order_idx" ON "deals" USING btree ("supplier_id","order_sort" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deals_recipient_order_idx" ON "deals" USING btree ("recipient_id","order_sort" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deals_order_idx" ON "deals" USING btree ("order_sort" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deals_stage_idx" ON "deals" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "deals_arrangement_idx" ON "deals" USING btree ("arrangement");--> statement-breakpoint
CREATE INDEX "deals_order_year_idx" ON "deals" USING btree ("order_year");--> statement-breakpoint
CREATE INDEX "deals_updated_at_idx" ON "deals" USING btree ("updated_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "deals_import_key_key" ON "deals" USING btree ("import_key");--> statement-breakpoint
CREATE INDEX "platform_aliases_alias_idx" ON "platform_aliases" USING btree (lower("alias"));--> statement-breakpoint
CREATE INDEX "platform_producers_producer_id_idx" ON "platform_producers" USING btree ("producer_id");--> statement-breakpoint
CREATE INDEX "platforms_designation_idx" ON "platforms" USING btree (lower("designation"),"id");--> statement-breakpoint
CREATE INDEX "platforms_parent_id_idx" ON "platforms" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "platforms_category_idx" ON "platforms" USING btree ("category");--> statement-breakpoint
CREATE INDEX "revisions_record_idx" ON "revisions" USING btree ("record_id","id");--> statement-breakpoint
CREATE INDEX "revisions_feed_idx" ON "revisions" USING btree ("tx_id","id");--> statement-breakpoint
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_documents_names_idx" ON "search_documents" USING gin ("names" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_documents_type_idx" ON "search_documents" USING btree ("record_type");--> statement-breakpoint
CREATE UNIQUE INDEX "sources_url_key" ON "sources" USING btree ("url");--> statement-breakpoint
CREATE INDEX "sources_kind_idx" ON "sources" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "sources_language_idx" ON "sources" USING btree ("language");