import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerZodCompilers } from './compilers.js';

async function appAnswering(body: unknown) {
  const app = Fastify({ logger: false });
  registerZodCompilers(app);
  app.get(
    '/thing',
    { schema: { response: { 200: z.object({ id: z.number(), name: z.string() }) } } },
    async () => body,
  );
  await app.ready();
  return app;
}

describe('answers checked against their contract', () => {
  it('sends an answer that matches, without the fields the contract does not declare', async () => {
    const app = await appAnswering({ id: 1, name: 'Cuneo', passwordHash: 'secret' });
    const res = await app.inject('/thing');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 1, name: 'Cuneo' });
    await app.close();
  });

  it('refuses to send an answer that does not match', async () => {
    const app = await appAnswering({ id: '1', name: null });
    const res = await app.inject('/thing');
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('Cuneo');
    await app.close();
  });
});
