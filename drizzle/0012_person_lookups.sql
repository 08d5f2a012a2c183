CREATE INDEX "edition_sessions_trainer" ON "edition_sessions" USING btree ("trainer_id");--> statement-breakpoint
CREATE INDEX "edition_trainers_user" ON "edition_trainers" USING btree ("user_id");