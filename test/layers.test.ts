/**
 * The layers hold because the tools refuse a crossing, not because people remember them. A copy
 * of the source layers (shared, the core, the shell, the renderer, with their tsconfigs and the
 * lint configuration) is built once as it is (`tsc -b`, which must pass), then gets one probe file
 * across each boundary; the compiler (each layer's project, against the others' built
 * declarations) and ESLint must each refuse every probe they are meant to. The real tree is never
 * touched.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, tempDir } from './helpers/repo';

const root = path.resolve(__dirname, '..');

interface Probe {
  file: string;
  source: string;
  /** Whether the compiler refuses it (an `electron` or `child_process` import type-checks; lint refuses those). */
  tsc: boolean;
}

const PROBES: Probe[] = [
  { file: 'shared/probe-renderer.ts', source: "import type { SprintState } from '../renderer/src/store/types';\nexport type P = SprintState;\n", tsc: true },
  { file: 'shared/probe-core.ts', source: "import type { RepoServices } from '../electron/core/context';\nexport type P = RepoServices;\n", tsc: true },
  { file: 'shared/probe-node.ts', source: "import { readFileSync } from 'node:fs';\nexport const p = readFileSync;\n", tsc: true },
  { file: 'renderer/src/probe-core.ts', source: "import { callRepo } from '../../electron/core/host';\nexport const p = callRepo;\n", tsc: true },
  { file: 'renderer/src/probe-node.ts', source: "import path from 'node:path';\nexport const p = path.join;\n", tsc: true },
  { file: 'electron/core/probe-shell.ts', source: "import { isSafeExternalUrl } from '../shell/security';\nexport const p = isSafeExternalUrl;\n", tsc: true },
  { file: 'electron/core/probe-renderer.ts', source: "import type { SprintState } from '../../renderer/src/store/types';\nexport type P = SprintState;\n", tsc: true },
  { file: 'electron/shell/probe-renderer.ts', source: "import type { SprintState } from '../../renderer/src/store/types';\nexport type P = SprintState;\n", tsc: true },
  { file: 'electron/core/probe-electron.ts', source: "import { app } from 'electron';\nexport const p = app;\n", tsc: false },
  { file: 'electron/core/probe-spawn.ts', source: "import { spawn } from 'node:child_process';\nexport const p = spawn;\n", tsc: false },
  { file: 'electron/core/plan/probe-simple-git.ts', source: "import { simpleGit } from 'simple-git';\nexport const p = simpleGit;\n", tsc: false },
  { file: 'electron/core/plan/probe-git-runner.ts', source: "import { git } from '../git/exec';\nexport const p = git;\n", tsc: false },
  { file: 'electron/core/probe-git-runner.ts', source: "import { git } from './git/exec';\nexport const p = git;\n", tsc: false },
];

const LAYERS = ['shared', 'electron/core', 'electron/shell', 'renderer'];
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
let copy: string;

beforeAll(() => {
  copy = tempDir();
  for (const entry of ['shared', 'electron', 'renderer', 'tsconfig.base.json', 'eslint.config.js', 'package.json']) {
    cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true });
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  execFileSync(process.execPath, [tsc, '-b', ...LAYERS], { cwd: copy, stdio: 'pipe' });
  for (const probe of PROBES) {
    mkdirSync(path.dirname(path.join(copy, probe.file)), { recursive: true });
    writeFileSync(path.join(copy, probe.file), probe.source);
  }
}, 180_000);
afterAll(() => cleanup(copy));

/** The compiler's errors, by the file they are reported in (relative to the copy). */
function compilerErrors(): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const layer of LAYERS) {
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', layer, '--noEmit', '--pretty', 'false'], { cwd: copy, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? '');
    }
    for (const line of output.split('\n')) {
      const m = /^([^(]+)\(\d+,\d+\): error (TS\d+: .*)$/.exec(line.trim());
      if (!m) continue;
      const file = path.relative(copy, path.resolve(copy, m[1] as string));
      byFile.set(file, [...(byFile.get(file) ?? []), m[2] as string]);
    }
  }
  return byFile;
}

describe('layers', () => {
  it('the compiler refuses an import across each boundary (the layers without probes built cleanly first)', { timeout: 180_000 }, () => {
    const errors = compilerErrors();
    for (const probe of PROBES.filter((p) => p.tsc)) {
      const module = /from '([^']+)'/.exec(probe.source)?.[1] ?? '';
      const name = module.startsWith('.') ? path.basename(module) : module;
      expect(errors.get(probe.file)?.join('\n') ?? `${probe.file} compiled`, probe.file).toContain(name);
    }
  });

  it('lint refuses each probe, naming the layer rule it breaks', { timeout: 120_000 }, async () => {
    const eslint = new ESLint({ cwd: copy });
    const results = await eslint.lintFiles(PROBES.map((p) => p.file));
    for (const probe of PROBES) {
      const result = results.find((r) => path.relative(copy, r.filePath) === probe.file);
      const rules = (result?.messages ?? []).map((m) => m.ruleId);
      expect(rules, probe.file).toEqual(expect.arrayContaining([expect.stringMatching(/^(import-x\/no-restricted-paths|no-restricted-imports)$/)]));
    }
  });
});
