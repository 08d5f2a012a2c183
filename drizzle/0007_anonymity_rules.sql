CREATE TABLE "campaign_expectations" (
	"campaign_id" integer NOT NULL,
	"job_profile_code" text NOT NULL,
	"competency_code" text NOT NULL,
	"unit_id" integer NOT NULL,
	"level" smallint NOT NULL,
	CONSTRAINT "campaign_expectations_campaign_id_job_profile_code_competency_code_unit_id_pk" PRIMARY KEY("campaign_id","job_profile_code","competency_code","unit_id"),
	CONSTRAINT "campaign_expectations_level_check" CHECK ("campaign_expectations"."level" between 0 and 3)
);
--> statement-breakpoint
ALTER TABLE "campaign_expectations" ADD CONSTRAINT "campaign_expectations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Anonymous campaigns made with a smaller minimum group size are raised to 5 (stricter, nothing lost).
UPDATE "campaigns" SET "min_group_size" = 5 WHERE "anonymous" AND "min_group_size" < 5;--> statement-breakpoint
-- Campaigns already closed are judged, from now on, against the expected levels in force today.
INSERT INTO "campaign_expectations" ("campaign_id", "job_profile_code", "competency_code", "unit_id", "level")
SELECT c."id", e."job_profile_code", e."competency_code", coalesce(e."unit_id", 0), e."level"
FROM "campaigns" c CROSS JOIN "profile_expectations" e WHERE c."status" = 'closed';--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_anonymous_group_check" CHECK (not "campaigns"."anonymous" or "campaigns"."min_group_size" >= 5);