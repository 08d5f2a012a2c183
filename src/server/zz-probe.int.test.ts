import { it } from 'vitest';
import { startTestApp } from './test/app.js';

const t = await startTestApp();
it('probe', async () => {
  console.log(t.app.printRoutes({ commonPrefix: false }));
  const spec = (await t.client().get('/api/openapi.json')).json();
  console.log(
    JSON.stringify(
      Object.fromEntries(Object.entries(spec.paths).map(([k, v]) => [k, Object.keys(v as object)])),
    ),
  );
  const d = await t.client().get('/api/docs');
  console.log(d.statusCode, d.headers);
});
