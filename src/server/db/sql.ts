import { sql } from 'drizzle-orm';

/**
 * Today in Rome. Validity dates are Rome calendar days, while current_date follows the database
 * session's time zone (UTC by default), which is still yesterday in Rome until 01:00/02:00.
 */
export const romeToday = () => sql`(now() at time zone 'Europe/Rome')::date`;
