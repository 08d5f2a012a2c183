CREATE TABLE "agreements" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"service_model_code" text NOT NULL,
	"signed_on" date NOT NULL,
	"act_reference" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"token" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "edition_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"edition_id" integer NOT NULL,
	"session_id" integer,
	"kind" text NOT NULL,
	"changes" jsonb NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "edition_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"edition_id" integer NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"mode" text NOT NULL,
	"room" text,
	"online_url" text,
	"trainer_id" uuid,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "edition_trainers" (
	"edition_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "edition_trainers_edition_id_user_id_pk" PRIMARY KEY("edition_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "editions" (
	"id" serial PRIMARY KEY NOT NULL,
	"path_id" integer NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"capacity" integer NOT NULL,
	"enrolment_opens_at" timestamp with time zone NOT NULL,
	"enrolment_closes_at" timestamp with time zone NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"venue_name" text,
	"venue_address" text,
	"venue_unit_id" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"cancel_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "path_modules" (
	"id" serial PRIMARY KEY NOT NULL,
	"path_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"hours" numeric(6, 1) NOT NULL,
	"mode" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "path_units" (
	"path_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	CONSTRAINT "path_units_path_id_unit_id_pk" PRIMARY KEY("path_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "training_paths" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"objectives" text DEFAULT '' NOT NULL,
	"domain_code" text NOT NULL,
	"service_model_code" text,
	"level" text NOT NULL,
	"competencies" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_job_profiles" text[] DEFAULT '{}'::text[] NOT NULL,
	"total_hours" numeric(6, 1) NOT NULL,
	"delivery_modes" text[] NOT NULL,
	"eligibility" text DEFAULT 'all' NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_unit_id_territorial_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_service_model_code_service_models_code_fk" FOREIGN KEY ("service_model_code") REFERENCES "public"."service_models"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_changes" ADD CONSTRAINT "edition_changes_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_changes" ADD CONSTRAINT "edition_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_sessions" ADD CONSTRAINT "edition_sessions_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_sessions" ADD CONSTRAINT "edition_sessions_trainer_id_users_id_fk" FOREIGN KEY ("trainer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_trainers" ADD CONSTRAINT "edition_trainers_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_trainers" ADD CONSTRAINT "edition_trainers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_path_id_training_paths_id_fk" FOREIGN KEY ("path_id") REFERENCES "public"."training_paths"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_venue_unit_id_territorial_units_id_fk" FOREIGN KEY ("venue_unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "path_modules" ADD CONSTRAINT "path_modules_path_id_training_paths_id_fk" FOREIGN KEY ("path_id") REFERENCES "public"."training_paths"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "path_units" ADD CONSTRAINT "path_units_path_id_training_paths_id_fk" FOREIGN KEY ("path_id") REFERENCES "public"."training_paths"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "path_units" ADD CONSTRAINT "path_units_unit_id_territorial_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_paths" ADD CONSTRAINT "training_paths_domain_code_domains_code_fk" FOREIGN KEY ("domain_code") REFERENCES "public"."domains"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_paths" ADD CONSTRAINT "training_paths_service_model_code_service_models_code_fk" FOREIGN KEY ("service_model_code") REFERENCES "public"."service_models"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_paths" ADD CONSTRAINT "training_paths_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreements_unit" ON "agreements" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "agreements_model" ON "agreements" USING btree ("service_model_code");--> statement-breakpoint
CREATE INDEX "edition_changes_pending" ON "edition_changes" USING btree ("notified_at","edition_id");--> statement-breakpoint
CREATE INDEX "edition_sessions_edition" ON "edition_sessions" USING btree ("edition_id");--> statement-breakpoint
CREATE INDEX "edition_sessions_starts" ON "edition_sessions" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "editions_path" ON "editions" USING btree ("path_id");--> statement-breakpoint
CREATE INDEX "editions_dates" ON "editions" USING btree ("starts_on","ends_on");--> statement-breakpoint
CREATE INDEX "path_modules_path" ON "path_modules" USING btree ("path_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_paths_slug" ON "training_paths" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "training_paths_search" ON "training_paths" USING gin (to_tsvector('italian', "title" || ' ' || "summary" || ' ' || "objectives"));