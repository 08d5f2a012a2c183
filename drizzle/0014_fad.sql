CREATE TABLE "fad_module_prerequisites" (
	"module_id" integer NOT NULL,
	"requires_id" integer NOT NULL,
	CONSTRAINT "fad_module_prerequisites_module_id_requires_id_pk" PRIMARY KEY("module_id","requires_id")
);
--> statement-breakpoint
CREATE TABLE "fad_modules" (
	"id" serial PRIMARY KEY NOT NULL,
	"path_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title_it" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"summary_it" text DEFAULT '' NOT NULL,
	"summary_en" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"require_all_pages" boolean DEFAULT true NOT NULL,
	"min_minutes" integer DEFAULT 0 NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fad_modules_status_check" CHECK ("fad_modules"."status" in ('draft', 'published')),
	CONSTRAINT "fad_modules_min_minutes_check" CHECK ("fad_modules"."min_minutes" between 0 and 6000)
);
--> statement-breakpoint
CREATE TABLE "fad_page_views" (
	"user_id" uuid NOT NULL,
	"page_id" integer NOT NULL,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fad_page_views_user_id_page_id_pk" PRIMARY KEY("user_id","page_id")
);
--> statement-breakpoint
CREATE TABLE "fad_pages" (
	"id" serial PRIMARY KEY NOT NULL,
	"module_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title_it" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"body_it" text DEFAULT '' NOT NULL,
	"body_en" text DEFAULT '' NOT NULL,
	"video_url" text,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fad_progress" (
	"user_id" uuid NOT NULL,
	"module_id" integer NOT NULL,
	"active_seconds" integer DEFAULT 0 NOT NULL,
	"last_page_id" integer,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fad_progress_user_id_module_id_pk" PRIMARY KEY("user_id","module_id")
);
--> statement-breakpoint
CREATE TABLE "fad_session_modules" (
	"session_id" integer PRIMARY KEY NOT NULL,
	"module_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fad_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"module_id" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"seconds" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fad_module_prerequisites" ADD CONSTRAINT "fad_module_prerequisites_module_id_fad_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."fad_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fad_module_prerequisites" ADD CONSTRAINT "fad_module_prerequisites_requires_id_fad_modules_id_fk" FOREIGN KEY ("requires_id") REFERENCES "public"."fad_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fad_modules" ADD CONSTRAINT "fad_modules_path_id_training_paths_id_fk" FOREIGN KEY ("path_id") REFERENCES "public"."training_paths"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fad_modules" ADD CONSTRAINT "fad_modules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fad_page_views" ADD CONSTRAINT "fad_page_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fad_page_views" ADD CONSTRAINT "fad_page_views_page_id_fad_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."fad_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fad_pages" ADD CONSTRAINT "fad_pages_module_id_fad_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."fad_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fad_progress" ADD CONSTRAINT "fad_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fad_progress" ADD CONSTRAINT "fad_progress_module_id_fad_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."fad_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fad_progress" ADD CONSTRAINT "fad_progress_last_page_id_fad_pages_id_fk" FOREIGN KEY ("last_page_id") REFERENCES "public"."fad_pages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fad_session_modules" ADD CONSTRAINT "fad_session_modules_session_id_edition_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."edition_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fad_session_modules" ADD CONSTRAINT "fad_session_modules_module_id_fad_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."fad_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fad_visits" ADD CONSTRAINT "fad_visits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fad_visits" ADD CONSTRAINT "fad_visits_module_id_fad_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."fad_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fad_prerequisites_requires" ON "fad_module_prerequisites" USING btree ("requires_id");--> statement-breakpoint
CREATE INDEX "fad_modules_path" ON "fad_modules" USING btree ("path_id","position");--> statement-breakpoint
CREATE INDEX "fad_page_views_page" ON "fad_page_views" USING btree ("page_id");--> statement-breakpoint
CREATE INDEX "fad_pages_module" ON "fad_pages" USING btree ("module_id","position");--> statement-breakpoint
CREATE INDEX "fad_progress_module" ON "fad_progress" USING btree ("module_id");--> statement-breakpoint
CREATE INDEX "fad_session_modules_module" ON "fad_session_modules" USING btree ("module_id");--> statement-breakpoint
CREATE INDEX "fad_visits_person" ON "fad_visits" USING btree ("user_id","module_id");