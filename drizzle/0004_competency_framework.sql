CREATE TABLE "competency_frameworks" (
	"id" serial PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"title_it" text NOT NULL,
	"title_en" text NOT NULL,
	"source_it" text NOT NULL,
	"source_en" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"based_on_id" integer,
	"published_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "competency_frameworks_version_unique" UNIQUE("version"),
	CONSTRAINT "competency_frameworks_status_check" CHECK ("competency_frameworks"."status" in ('draft', 'published', 'retired'))
);
--> statement-breakpoint
CREATE TABLE "framework_areas" (
	"id" serial PRIMARY KEY NOT NULL,
	"framework_id" integer NOT NULL,
	"domain_code" text NOT NULL,
	"code" text NOT NULL,
	"name_it" text NOT NULL,
	"name_en" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_competencies" (
	"id" serial PRIMARY KEY NOT NULL,
	"framework_id" integer NOT NULL,
	"area_id" integer NOT NULL,
	"code" text NOT NULL,
	"name_it" text NOT NULL,
	"name_en" text NOT NULL,
	"description_it" text NOT NULL,
	"description_en" text NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"level_base_it" text NOT NULL,
	"level_base_en" text NOT NULL,
	"level_intermedio_it" text NOT NULL,
	"level_intermedio_en" text NOT NULL,
	"level_avanzato_it" text NOT NULL,
	"level_avanzato_en" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "path_competencies" (
	"path_id" integer NOT NULL,
	"competency_id" integer NOT NULL,
	"source_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "path_competencies_path_id_competency_id_pk" PRIMARY KEY("path_id","competency_id")
);
--> statement-breakpoint
ALTER TABLE "competency_frameworks" ADD CONSTRAINT "competency_frameworks_based_on_id_competency_frameworks_id_fk" FOREIGN KEY ("based_on_id") REFERENCES "public"."competency_frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_frameworks" ADD CONSTRAINT "competency_frameworks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_areas" ADD CONSTRAINT "framework_areas_framework_id_competency_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."competency_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_areas" ADD CONSTRAINT "framework_areas_domain_code_domains_code_fk" FOREIGN KEY ("domain_code") REFERENCES "public"."domains"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_competencies" ADD CONSTRAINT "framework_competencies_framework_id_competency_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."competency_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_competencies" ADD CONSTRAINT "framework_competencies_area_id_framework_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."framework_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "path_competencies" ADD CONSTRAINT "path_competencies_path_id_training_paths_id_fk" FOREIGN KEY ("path_id") REFERENCES "public"."training_paths"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "path_competencies" ADD CONSTRAINT "path_competencies_competency_id_framework_competencies_id_fk" FOREIGN KEY ("competency_id") REFERENCES "public"."framework_competencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "path_competencies" ADD CONSTRAINT "path_competencies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "competency_frameworks_one_published" ON "competency_frameworks" USING btree ("status") WHERE "competency_frameworks"."status" = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "competency_frameworks_one_draft" ON "competency_frameworks" USING btree ("status") WHERE "competency_frameworks"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "framework_areas_code" ON "framework_areas" USING btree ("framework_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_competencies_code" ON "framework_competencies" USING btree ("framework_id","code");--> statement-breakpoint
CREATE INDEX "framework_competencies_area" ON "framework_competencies" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "path_competencies_competency" ON "path_competencies" USING btree ("competency_id");