CREATE TABLE "capacity_thresholds" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_type" text NOT NULL,
	"min_population" integer NOT NULL,
	"max_population" integer,
	"threshold_bp" integer NOT NULL,
	"valid_from_year" integer NOT NULL,
	"valid_to_year" integer,
	"source" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_thresholds_unit_type_check" CHECK ("capacity_thresholds"."unit_type" in ('provincia', 'citta_metropolitana', 'libero_consorzio', 'provincia_autonoma', 'unita_non_amministrativa', 'regione_con_funzioni_provinciali')),
	CONSTRAINT "capacity_thresholds_threshold_bp_check" CHECK ("capacity_thresholds"."threshold_bp" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "deadline_moves" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"due" date NOT NULL,
	"source" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deadline_moves_kind_check" CHECK ("deadline_moves"."kind" in ('dup', 'nadup', 'piao', 'ptfp', 'bilancio'))
);
--> statement-breakpoint
CREATE TABLE "deadline_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"month" integer NOT NULL,
	"day" integer NOT NULL,
	"year_offset" integer DEFAULT 0 NOT NULL,
	"after_budget_days" integer,
	"valid_from_year" integer NOT NULL,
	"valid_to_year" integer,
	"source" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deadline_rules_kind_check" CHECK ("deadline_rules"."kind" in ('dup', 'nadup', 'piao', 'ptfp', 'bilancio')),
	CONSTRAINT "deadline_rules_month_check" CHECK ("deadline_rules"."month" between 1 and 12),
	CONSTRAINT "deadline_rules_day_check" CHECK ("deadline_rules"."day" between 1 and 31)
);
--> statement-breakpoint
CREATE TABLE "hiring_capacity" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"personnel_spending_cents" bigint,
	"revenue_1_cents" bigint,
	"revenue_2_cents" bigint,
	"revenue_3_cents" bigint,
	"rendiconto_year" integer,
	"fcde_cents" bigint,
	"planned_hires" integer,
	"actual_hires" integer,
	"planned_hires_cost_cents" bigint,
	"source" text DEFAULT '' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hiring_capacity_year_check" CHECK ("hiring_capacity"."year" between 2000 and 2999)
);
--> statement-breakpoint
CREATE TABLE "interventions" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL,
	"follow_up_on" date,
	"follow_up_done" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interventions_kind_check" CHECK ("interventions"."kind" in ('riunione', 'revisione_documenti', 'formazione', 'supporto_remoto'))
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programming_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"adopted_on" date,
	"act_type" text,
	"act_number" text,
	"act_date" date,
	"url" text,
	"simplified" boolean DEFAULT false NOT NULL,
	"personnel_money" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programming_documents_kind_check" CHECK ("programming_documents"."kind" in ('dup', 'nadup', 'piao', 'ptfp')),
	CONSTRAINT "programming_documents_year_check" CHECK ("programming_documents"."year" between 2000 and 2999)
);
--> statement-breakpoint
CREATE TABLE "programming_reminders" (
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"stage" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programming_reminders_unit_id_year_kind_stage_pk" PRIMARY KEY("unit_id","year","kind","stage")
);
--> statement-breakpoint
CREATE TABLE "reorg_plan_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "reorg_plan_documents_kind_check" CHECK ("reorg_plan_documents"."kind" in ('atto_adozione', 'piano', 'allegato', 'relazione', 'altro'))
);
--> statement-breakpoint
CREATE TABLE "reorg_plan_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"version" integer,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reorg_plan_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"number" integer NOT NULL,
	"based_on" integer DEFAULT 0 NOT NULL,
	"state" text NOT NULL,
	"content" jsonb NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text DEFAULT '' NOT NULL,
	CONSTRAINT "reorg_plan_versions_state_check" CHECK ("reorg_plan_versions"."state" in ('proposta', 'validata', 'respinta', 'ritirata'))
);
--> statement-breakpoint
CREATE TABLE "reorg_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"status" text DEFAULT 'non_avviato' NOT NULL,
	"current_version" integer DEFAULT 0 NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reorg_plans_status_check" CHECK ("reorg_plans"."status" in ('non_avviato', 'in_predisposizione', 'adottato', 'trasmesso', 'verificato', 'da_aggiornare'))
);
--> statement-breakpoint
CREATE TABLE "taskforce_assignments" (
	"unit_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"lead" boolean DEFAULT false NOT NULL,
	"assigned_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "taskforce_assignments_unit_id_user_id_pk" PRIMARY KEY("unit_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "taskforce_issues" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"severity" text NOT NULL,
	"state" text DEFAULT 'aperta' NOT NULL,
	"owner_id" uuid,
	"due_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "taskforce_issues_kind_check" CHECK ("taskforce_issues"."kind" in ('rischio', 'criticita')),
	CONSTRAINT "taskforce_issues_severity_check" CHECK ("taskforce_issues"."severity" in ('bassa', 'media', 'alta')),
	CONSTRAINT "taskforce_issues_state_check" CHECK ("taskforce_issues"."state" in ('aperta', 'chiusa'))
);
--> statement-breakpoint
CREATE TABLE "unit_contacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"email" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_populations" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"population" integer NOT NULL,
	"source" text NOT NULL,
	"entered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_populations_year_check" CHECK ("unit_populations"."year" between 1900 and 2999),
	CONSTRAINT "unit_populations_population_check" CHECK ("unit_populations"."population" between 0 and 100000000)
);
--> statement-breakpoint
CREATE TABLE "unit_profiles" (
	"unit_id" integer PRIMARY KEY NOT NULL,
	"staff_count" integer,
	"staff_count_year" integer,
	"pec" text,
	"phone" text,
	"website" text,
	"address" text,
	"notes" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "capacity_thresholds" ADD CONSTRAINT "capacity_thresholds_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_moves" ADD CONSTRAINT "deadline_moves_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_rules" ADD CONSTRAINT "deadline_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_capacity" ADD CONSTRAINT "hiring_capacity_unit_id_territorial_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_capacity" ADD CONSTRAINT "hiring_capacity_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_unit_id_territorial_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_unit_id_territorial_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programming_documents" ADD CONSTRAINT "programming_documents_unit_id_territorial_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programming_documents" ADD CONSTRAINT "programming_documents_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programming_reminders" ADD CONSTRAINT "programming_reminders_unit_id_territorial_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reorg_plan_documents" ADD CONSTRAINT "reorg_plan_documents_plan_id_reorg_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."reorg_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reorg_plan_documents" ADD CONSTRAINT "reorg_plan_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reorg_plan_events" ADD CONSTRAINT "reorg_plan_events_plan_id_reorg_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."reorg_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reorg_plan_events" ADD CONSTRAINT "reorg_plan_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reorg_plan_versions" ADD CONSTRAINT "reorg_plan_versions_plan_id_reorg_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."reorg_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reorg_plan_versions" ADD CONSTRAINT "reorg_plan_versions_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reorg_plan_versions" ADD CONSTRAINT "reorg_plan_versions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reorg_plans" ADD CONSTRAINT "reorg_plans_unit_id_territorial_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_assignments" ADD CONSTRAINT "taskforce_assignments_unit_id_territorial_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_assignments" ADD CONSTRAINT "taskforce_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_assignments" ADD CONSTRAINT "taskforce_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_issues" ADD CONSTRAINT "taskforce_issues_unit_id_territorial_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_issues" ADD CONSTRAINT "taskforce_issues_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taskforce_issues" ADD CONSTRAINT "taskforce_issues_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_contacts" ADD CONSTRAINT "unit_contacts_unit_id_territorial_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_populations" ADD CONSTRAINT "unit_populations_unit_id_territorial_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_populations" ADD CONSTRAINT "unit_populations_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_profiles" ADD CONSTRAINT "unit_profiles_unit_id_territorial_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_profiles" ADD CONSTRAINT "unit_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deadline_moves_kind_year" ON "deadline_moves" USING btree ("kind","year");--> statement-breakpoint
CREATE UNIQUE INDEX "hiring_capacity_unit_year" ON "hiring_capacity" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "interventions_unit" ON "interventions" USING btree ("unit_id","held_on");--> statement-breakpoint
CREATE INDEX "interventions_follow_up" ON "interventions" USING btree ("follow_up_on");--> statement-breakpoint
CREATE INDEX "milestones_unit" ON "milestones" USING btree ("unit_id","due_on");--> statement-breakpoint
CREATE INDEX "milestones_due" ON "milestones" USING btree ("due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "programming_documents_unit_year_kind" ON "programming_documents" USING btree ("unit_id","year","kind");--> statement-breakpoint
CREATE INDEX "reorg_plan_documents_plan" ON "reorg_plan_documents" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "reorg_plan_events_plan" ON "reorg_plan_events" USING btree ("plan_id","at");--> statement-breakpoint
CREATE INDEX "reorg_plan_events_at" ON "reorg_plan_events" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "reorg_plan_versions_plan_number" ON "reorg_plan_versions" USING btree ("plan_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "reorg_plan_versions_one_pending" ON "reorg_plan_versions" USING btree ("plan_id") WHERE "reorg_plan_versions"."state" = 'proposta';--> statement-breakpoint
CREATE UNIQUE INDEX "reorg_plans_unit" ON "reorg_plans" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "taskforce_assignments_user" ON "taskforce_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "taskforce_assignments_one_lead" ON "taskforce_assignments" USING btree ("unit_id") WHERE "taskforce_assignments"."lead";--> statement-breakpoint
CREATE INDEX "taskforce_issues_unit" ON "taskforce_issues" USING btree ("unit_id","state");--> statement-breakpoint
CREATE INDEX "unit_contacts_unit" ON "unit_contacts" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_populations_unit_year" ON "unit_populations" USING btree ("unit_id","year");