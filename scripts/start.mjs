// npm start: build what is missing (server and web), then run the server, which migrates and serves.
import { buildIfMissing } from './built.mjs';

buildIfMissing(['server', 'web']);
await import('../dist/server/server.js');
