#!/usr/bin/env node
// The `merge-sprint` command: runs the built command line (npm ci builds it; `npm run build` rebuilds).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('merge-sprint is not built yet: run `npm run build` in the project folder first.\n');
  process.exit(2);
}
await import(pathToFileURL(cli).href);
