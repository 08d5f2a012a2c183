import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { backup, restore } from './backup.js';
import { openDatabase } from './client.js';
import { users } from './schema/index.js';
import { prepareDatabase } from './setup.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'officina-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const silent = { info: () => undefined };

const driver = process.env.TEST_DRIVER;

// Each driver project runs the round trip of its own kind of database.
if (driver === 'pglite')
  describe('backup and restore (embedded database)', () => {
    it('round-trips the data, keeping the replaced data directory aside', async () => {
      const dataDir = path.join(dir, 'data');
      const config = { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), seedDemo: true };
      const first = await openDatabase({ dataDir });
      await prepareDatabase(first, config, silent);
      await first.close();

      const file = path.join(dir, 'officina.tar.gz');
      await backup({ dataDir, file });

      // A change made after the backup...
      const changed = await openDatabase({ dataDir });
      await changed.db
        .update(users)
        .set({ name: 'Changed After Backup' })
        .where(eq(users.email, 'admin@officina.demo'));
      await changed.close();

      // ...is undone by the restore, and the data it replaced is kept, not deleted.
      const keptAt = await restore({ dataDir, file });
      expect(keptAt).toMatch(/before-restore/);
      const restored = await openDatabase({ dataDir });
      const [admin] = await restored.db.select().from(users).where(eq(users.email, 'admin@officina.demo'));
      expect(admin?.name).toBe('Alessandra Amministratrice');
      await restored.close();
      const kept = await openDatabase({ dataDir: keptAt as string });
      const [old] = await kept.db.select().from(users).where(eq(users.email, 'admin@officina.demo'));
      expect(old?.name).toBe('Changed After Backup');
      await kept.close();
    }, 60_000);
  });

if (driver === 'postgres')
  describe('backup and restore (PostgreSQL)', async () => {
    const { openTestDatabase } = await import('../test/db.js');
    it('round-trips the data with pg_dump and pg_restore', async () => {
      const database = await openTestDatabase();
      const url = database.url as string;
      await prepareDatabase(database, { ...loadConfig({ LOG_LEVEL: 'silent' }), seedDemo: true }, silent);
      const file = path.join(dir, 'officina.dump');
      await backup({ databaseUrl: url, dataDir: dir, file });
      await database.db
        .update(users)
        .set({ name: 'Changed After Backup' })
        .where(eq(users.email, 'admin@officina.demo'));
      await restore({ databaseUrl: url, dataDir: dir, file });
      const [admin] = await database.db.select().from(users).where(eq(users.email, 'admin@officina.demo'));
      expect(admin?.name).toBe('Alessandra Amministratrice');
      await database.close();
    }, 60_000);
  });
