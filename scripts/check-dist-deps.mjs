// node scripts/check-dist-deps.mjs: the built server (dist/server, dist/common) imports only Node's built-in
// modules, its own files and the packages in package.json "dependencies", so it runs after
// `npm prune --omit=dev`. Run after `npm run build:server`; exits 1 listing each offending import.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { root } from './built.mjs';

const { dependencies = {} } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const builtins = new Set(builtinModules);
// Static imports and re-exports, side-effect imports, import() and require() with a literal specifier.
const specifiers =
  /(?:\bfrom\s*|\bimport\s*|\bimport\(\s*|\brequire\(\s*)(['"])([^'"\n]+)\1|\b(import|require)\(\s*[^'"\s)]/g;

const files = ['dist/server', 'dist/common'].flatMap((dir) =>
  readdirSync(path.join(root, dir), { recursive: true })
    .filter((name) => name.endsWith('.js'))
    .map((name) => path.join(dir, name)),
);
if (!files.some((file) => file.endsWith(path.join('server', 'server.js')))) {
  console.error('dist/server/server.js not found: run `npm run build:server` first.');
  process.exit(1);
}

const problems = [];
const used = new Set();
for (const file of files) {
  // Comments are prose, not imports: a doc comment may well say `from "10:02"`.
  const code = readFileSync(path.join(root, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  for (const match of code.matchAll(specifiers)) {
    const [, , specifier, dynamic] = match;
    if (dynamic) {
      problems.push(`${file}: ${dynamic}() with a computed specifier cannot be checked`);
      continue;
    }
    if (specifier.startsWith('.') || specifier.startsWith('node:') || builtins.has(specifier)) continue;
    const name = specifier
      .split('/')
      .slice(0, specifier.startsWith('@') ? 2 : 1)
      .join('/');
    used.add(name);
    if (!(name in dependencies)) problems.push(`${file}: imports '${specifier}', not in "dependencies"`);
  }
}

if (problems.length) {
  console.error(
    `The built server needs packages a production install leaves out:\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(`dist: ${files.length} files import ${used.size} packages, all in "dependencies".`);
