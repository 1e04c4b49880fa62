/**
 * Where the demo's fixture folder is at run time. The sources (tsx, vitest) read it from beside
 * this module; scripts/build.mjs copies it into dist/ and defines, for each bundle, where that
 * copy is from the bundle's own file (dist/electron/main.cjs and dist/cli.mjs sit at different
 * depths), and makes `import.meta.url` name the bundle in the CommonJS main process too.
 */
import { fileURLToPath } from 'node:url';

declare const MERGE_SPRINT_DEMO_FIXTURE: string | undefined;

export function demoFixtureDir(): string {
  const relative = typeof MERGE_SPRINT_DEMO_FIXTURE === 'string' ? MERGE_SPRINT_DEMO_FIXTURE : 'fixture';
  return fileURLToPath(new URL(`${relative}/`, import.meta.url));
}
