// Builds every runnable part into dist/: the Electron main process and preload (CommonJS, as
// Electron loads them), the command line and room server (ESM), the renderer (Vite), and the
// demo's fixture folder, which the main process and the command line read at run time.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { bundles, copyDemoFixture } from './bundles.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { main, preload, cli } = bundles(root);

await Promise.all([esbuild(main), esbuild(preload), esbuild(cli), copyDemoFixture(root)]);
await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
