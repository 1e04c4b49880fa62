// What scripts/build.mjs bundles, and how: the esbuild options of each bundle and the copy of the
// demo's fixture folder beside them. Tests build with the same options.
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';

const DEMO_FIXTURE_SOURCE = 'electron/core/demo/fixture';

/** The esbuild options of the main process, preload and command line, bundled into `dist`. */
export function bundles(root, dist = path.join(root, 'dist')) {
  const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning', absWorkingDir: root };
  // Where the demo's fixture is from a bundle's own file (electron/core/demo/fixture.ts).
  const demoFixtureFrom = (outfile) => ({
    MERGE_SPRINT_DEMO_FIXTURE: JSON.stringify(path.relative(path.dirname(outfile), path.join(dist, 'demo-fixture')).split(path.sep).join('/')),
  });
  const main = path.join(dist, 'electron', 'main.cjs');
  const cli = path.join(dist, 'cli.mjs');
  return {
    // CommonJS, as Electron loads it, which has no import.meta: its url is made the bundle's own
    // file, as in an ES module. (Not in the preload: a sandboxed preload has neither __filename
    // nor node:url.)
    main: {
      ...common,
      entryPoints: ['electron/shell/main.ts'],
      outfile: main,
      format: 'cjs',
      external: ['electron'],
      inject: [path.join(root, 'scripts', 'cjs-import-meta-url.mjs')],
      define: { 'import.meta.url': 'importMetaUrl', ...demoFixtureFrom(main) },
    },
    preload: { ...common, entryPoints: ['electron/shell/preload.ts'], outfile: path.join(dist, 'electron', 'preload.cjs'), format: 'cjs', external: ['electron'] },
    cli: { ...common, entryPoints: ['electron/core/cli/main.ts'], outfile: cli, format: 'esm', packages: 'external', define: demoFixtureFrom(cli) },
  };
}

/** A fresh copy of the demo's fixture in `dist`, so a file removed from it does not linger there. */
export async function copyDemoFixture(root, dist = path.join(root, 'dist')) {
  const target = path.join(dist, 'demo-fixture');
  await rm(target, { recursive: true, force: true });
  await cp(path.join(root, DEMO_FIXTURE_SOURCE), target, { recursive: true });
}
