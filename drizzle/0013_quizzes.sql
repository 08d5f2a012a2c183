CREATE TABLE "edition_quiz_settings" (
	"edition_id" integer PRIMARY KEY NOT NULL,
	"online_final_test" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quiz_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"quiz_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"enrolment_id" integer NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"seed" integer NOT NULL,
	"questions" jsonb NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"timed_out" boolean DEFAULT false NOT NULL,
	"score" double precision,
	"max_score" integer,
	"pct" integer,
	"passed" boolean,
	"points" jsonb,
	CONSTRAINT "quiz_attempts_status_check" CHECK ("quiz_attempts"."status" in ('open', 'submitted'))
);
--> statement-breakpoint
CREATE TABLE "quiz_questions" (
	"id" serial PRIMARY KEY NOT NULL,
	"path_id" integer NOT NULL,
	"kind" text NOT NULL,
	"text" jsonb NOT NULL,
	"content" jsonb NOT NULL,
	"feedback" jsonb,
	"points" integer NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quiz_questions_kind_check" CHECK ("quiz_questions"."kind" in ('single', 'multiple', 'true_false', 'short_answer', 'matching')),
	CONSTRAINT "quiz_questions_points_check" CHECK ("quiz_questions"."points" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "quizzes" (
	"id" serial PRIMARY KEY NOT NULL,
	"path_id" integer NOT NULL,
	"title" text NOT NULL,
	"question_count" integer NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"shuffle_options" boolean DEFAULT true NOT NULL,
	"time_limit_minutes" integer,
	"passing_pct" integer NOT NULL,
	"max_attempts" integer,
	"feedback" text NOT NULL,
	"is_final_test" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quizzes_feedback_check" CHECK ("quizzes"."feedback" in ('none', 'score', 'full')),
	CONSTRAINT "quizzes_question_count_check" CHECK ("quizzes"."question_count" between 1 and 100),
	CONSTRAINT "quizzes_passing_pct_check" CHECK ("quizzes"."passing_pct" between 0 and 100),
	CONSTRAINT "quizzes_time_limit_minutes_check" CHECK ("quizzes"."time_limit_minutes" between 1 and 600),
	CONSTRAINT "quizzes_max_attempts_check" CHECK ("quizzes"."max_attempts" between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "edition_quiz_settings" ADD CONSTRAINT "edition_quiz_settings_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_quiz_id_quizzes_id_fk" FOREIGN KEY ("quiz_id") REFERENCES "public"."quizzes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_questions" ADD CONSTRAINT "quiz_questions_path_id_training_paths_id_fk" FOREIGN KEY ("path_id") REFERENCES "public"."training_paths"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quizzes" ADD CONSTRAINT "quizzes_path_id_training_paths_id_fk" FOREIGN KEY ("path_id") REFERENCES "public"."training_paths"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_attempts_one_open" ON "quiz_attempts" USING btree ("quiz_id","user_id") WHERE "quiz_attempts"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_attempts_number" ON "quiz_attempts" USING btree ("quiz_id","user_id","number");--> statement-breakpoint
CREATE INDEX "quiz_attempts_user" ON "quiz_attempts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "quiz_questions_path" ON "quiz_questions" USING btree ("path_id","active");--> statement-breakpoint
CREATE INDEX "quizzes_path" ON "quizzes" USING btree ("path_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quizzes_one_final_test" ON "quizzes" USING btree ("path_id") WHERE "quizzes"."is_final_test";