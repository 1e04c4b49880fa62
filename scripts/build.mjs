// Builds every runnable part into dist/: the Electron main process and preload (CommonJS, as
// Electron loads them), the command line and room server (ESM), and the renderer (Vite).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning', absWorkingDir: root };

await Promise.all([
  esbuild({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external: ['electron'] }),
  esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] }),
  esbuild({
    ...common,
    entryPoints: ['electron/cli/main.ts'],
    outfile: 'dist/cli.mjs',
    format: 'esm',
    packages: 'external',
  }),
]);
await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
