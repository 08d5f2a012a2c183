CREATE TABLE "profile_expectations" (
	"id" serial PRIMARY KEY NOT NULL,
	"job_profile_code" text NOT NULL,
	"competency_code" text NOT NULL,
	"unit_id" integer,
	"level" smallint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "profile_expectations_level_check" CHECK ("profile_expectations"."level" between 0 and 3)
);
--> statement-breakpoint
CREATE TABLE "campaign_job_profiles" (
	"campaign_id" integer NOT NULL,
	"job_profile_code" text NOT NULL,
	CONSTRAINT "campaign_job_profiles_campaign_id_job_profile_code_pk" PRIMARY KEY("campaign_id","job_profile_code")
);
--> statement-breakpoint
CREATE TABLE "campaign_participants" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"unit_id" integer,
	"job_profile_code" text,
	"status" text DEFAULT 'invited' NOT NULL,
	"draft" jsonb,
	"draft_saved_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_reminded_at" timestamp with time zone,
	"reminders" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_participants_status_check" CHECK ("campaign_participants"."status" in ('invited', 'in_progress', 'submitted'))
);
--> statement-breakpoint
CREATE TABLE "campaign_people" (
	"campaign_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "campaign_people_campaign_id_user_id_pk" PRIMARY KEY("campaign_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_questions" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"prompt_it" text NOT NULL,
	"prompt_en" text NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	CONSTRAINT "campaign_questions_kind_check" CHECK ("campaign_questions"."kind" in ('text', 'single', 'multiple', 'scale'))
);
--> statement-breakpoint
CREATE TABLE "campaign_response_answers" (
	"response_id" uuid NOT NULL,
	"question_id" integer NOT NULL,
	"value" jsonb NOT NULL,
	CONSTRAINT "campaign_response_answers_response_id_question_id_pk" PRIMARY KEY("response_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_response_levels" (
	"response_id" uuid NOT NULL,
	"competency_id" integer NOT NULL,
	"self_level" smallint NOT NULL,
	"manager_level" smallint,
	CONSTRAINT "campaign_response_levels_response_id_competency_id_pk" PRIMARY KEY("response_id","competency_id"),
	CONSTRAINT "campaign_response_levels_self_level_check" CHECK ("campaign_response_levels"."self_level" between 0 and 3),
	CONSTRAINT "campaign_response_levels_manager_level_check" CHECK ("campaign_response_levels"."manager_level" between 0 and 3)
);
--> statement-breakpoint
CREATE TABLE "campaign_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" integer NOT NULL,
	"unit_id" integer,
	"job_profile_code" text,
	"participant_id" integer
);
--> statement-breakpoint
CREATE TABLE "campaign_units" (
	"campaign_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	CONSTRAINT "campaign_units_campaign_id_unit_id_pk" PRIMARY KEY("campaign_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"title_it" text NOT NULL,
	"title_en" text NOT NULL,
	"description_it" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"framework_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"manager_assessment" boolean DEFAULT false NOT NULL,
	"min_group_size" integer DEFAULT 5 NOT NULL,
	"domain_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"national" boolean DEFAULT true NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_status_check" CHECK ("campaigns"."status" in ('draft', 'open', 'closed')),
	CONSTRAINT "campaigns_period_check" CHECK ("campaigns"."closes_on" >= "campaigns"."opens_on"),
	CONSTRAINT "campaigns_manager_named_check" CHECK (not ("campaigns"."anonymous" and "campaigns"."manager_assessment")),
	CONSTRAINT "campaigns_min_group_size_check" CHECK ("campaigns"."min_group_size" between 2 and 1000)
);
--> statement-breakpoint
CREATE TABLE "training_plan_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"path_id" integer,
	"title_it" text NOT NULL,
	"title_en" text NOT NULL,
	"competency_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"participants" integer NOT NULL,
	"hours_per_participant" numeric(6, 1) NOT NULL,
	"delivery_mode" text NOT NULL,
	"quarter" text NOT NULL,
	"origin" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "training_plan_items_delivery_mode_check" CHECK ("training_plan_items"."delivery_mode" in ('webinar', 'online', 'aula', 'affiancamento')),
	CONSTRAINT "training_plan_items_origin_check" CHECK ("training_plan_items"."origin" in ('proposed', 'added')),
	CONSTRAINT "training_plan_items_participants_check" CHECK ("training_plan_items"."participants" between 0 and 1000000),
	CONSTRAINT "training_plan_items_hours_per_participant_check" CHECK ("training_plan_items"."hours_per_participant" >= 0),
	CONSTRAINT "training_plan_items_quarter_check" CHECK ("training_plan_items"."quarter" ~ '^[0-9]{4}-T[1-4]$')
);
--> statement-breakpoint
CREATE TABLE "training_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"year" integer NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	CONSTRAINT "training_plans_status_check" CHECK ("training_plans"."status" in ('draft', 'approved'))
);
--> statement-breakpoint
ALTER TABLE "profile_expectations" ADD CONSTRAINT "profile_expectations_job_profile_code_job_profiles_code_fk" FOREIGN KEY ("job_profile_code") REFERENCES "public"."job_profiles"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_expectations" ADD CONSTRAINT "profile_expectations_unit_id_territorial_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_expectations" ADD CONSTRAINT "profile_expectations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_job_profiles" ADD CONSTRAINT "campaign_job_profiles_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_job_profiles" ADD CONSTRAINT "campaign_job_profiles_job_profile_code_job_profiles_code_fk" FOREIGN KEY ("job_profile_code") REFERENCES "public"."job_profiles"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_participants" ADD CONSTRAINT "campaign_participants_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_participants" ADD CONSTRAINT "campaign_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_participants" ADD CONSTRAINT "campaign_participants_unit_id_territorial_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_participants" ADD CONSTRAINT "campaign_participants_job_profile_code_job_profiles_code_fk" FOREIGN KEY ("job_profile_code") REFERENCES "public"."job_profiles"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_people" ADD CONSTRAINT "campaign_people_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_people" ADD CONSTRAINT "campaign_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_questions" ADD CONSTRAINT "campaign_questions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_response_answers" ADD CONSTRAINT "campaign_response_answers_response_id_campaign_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."campaign_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_response_answers" ADD CONSTRAINT "campaign_response_answers_question_id_campaign_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."campaign_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_response_levels" ADD CONSTRAINT "campaign_response_levels_response_id_campaign_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."campaign_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_response_levels" ADD CONSTRAINT "campaign_response_levels_competency_id_framework_competencies_id_fk" FOREIGN KEY ("competency_id") REFERENCES "public"."framework_competencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_responses" ADD CONSTRAINT "campaign_responses_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_responses" ADD CONSTRAINT "campaign_responses_unit_id_territorial_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_responses" ADD CONSTRAINT "campaign_responses_job_profile_code_job_profiles_code_fk" FOREIGN KEY ("job_profile_code") REFERENCES "public"."job_profiles"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_responses" ADD CONSTRAINT "campaign_responses_participant_id_campaign_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."campaign_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_units" ADD CONSTRAINT "campaign_units_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_units" ADD CONSTRAINT "campaign_units_unit_id_territorial_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_framework_id_competency_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."competency_frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_items" ADD CONSTRAINT "training_plan_items_plan_id_training_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."training_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_items" ADD CONSTRAINT "training_plan_items_path_id_training_paths_id_fk" FOREIGN KEY ("path_id") REFERENCES "public"."training_paths"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plans" ADD CONSTRAINT "training_plans_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plans" ADD CONSTRAINT "training_plans_unit_id_territorial_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plans" ADD CONSTRAINT "training_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plans" ADD CONSTRAINT "training_plans_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "profile_expectations_key" ON "profile_expectations" USING btree ("job_profile_code","competency_code",coalesce("unit_id", 0));--> statement-breakpoint
CREATE INDEX "profile_expectations_unit" ON "profile_expectations" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_participants_person" ON "campaign_participants" USING btree ("campaign_id","user_id");--> statement-breakpoint
CREATE INDEX "campaign_participants_unit" ON "campaign_participants" USING btree ("campaign_id","unit_id","status");--> statement-breakpoint
CREATE INDEX "campaign_participants_user" ON "campaign_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "campaign_questions_campaign" ON "campaign_questions" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "campaign_response_levels_competency" ON "campaign_response_levels" USING btree ("competency_id");--> statement-breakpoint
CREATE INDEX "campaign_responses_group" ON "campaign_responses" USING btree ("campaign_id","unit_id","job_profile_code");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_responses_participant" ON "campaign_responses" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "training_plan_items_plan" ON "training_plan_items" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "training_plan_items_path" ON "training_plan_items" USING btree ("path_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_plans_unit" ON "training_plans" USING btree ("campaign_id","unit_id");