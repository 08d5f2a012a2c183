CREATE TABLE "campaign_gap_cells" (
	"campaign_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"job_profile_code" text NOT NULL,
	"grain" text NOT NULL,
	"code" text NOT NULL,
	"domain_code" text,
	"area_code" text,
	"respondents" integer NOT NULL,
	"observations" integer NOT NULL,
	"total_gap" integer NOT NULL,
	"affected" integer NOT NULL,
	CONSTRAINT "campaign_gap_cells_campaign_id_grain_code_unit_id_job_profile_code_pk" PRIMARY KEY("campaign_id","grain","code","unit_id","job_profile_code"),
	CONSTRAINT "campaign_gap_cells_grain_check" CHECK ("campaign_gap_cells"."grain" in ('competency', 'area', 'domain', 'all'))
);
--> statement-breakpoint
CREATE TABLE "campaign_gap_state" (
	"campaign_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"responses" integer NOT NULL,
	"expectations" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_gap_state_campaign_id_unit_id_pk" PRIMARY KEY("campaign_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "campaign_gap_cells" ADD CONSTRAINT "campaign_gap_cells_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_gap_cells" ADD CONSTRAINT "campaign_gap_cells_unit_id_territorial_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_gap_state" ADD CONSTRAINT "campaign_gap_state_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_gap_state" ADD CONSTRAINT "campaign_gap_state_unit_id_territorial_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."territorial_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_gap_cells_unit" ON "campaign_gap_cells" USING btree ("campaign_id","unit_id");