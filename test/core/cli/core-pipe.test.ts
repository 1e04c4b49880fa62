import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, makeCommit } from '../../helpers/repo';
import { makeForkRepo, ROOT } from './core-helpers';

const repo = makeForkRepo();
// Enough output that the reader closes the pipe long before the command has written it all.
makeCommit(repo, {
  branch: 'fork',
  files: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`drivers/many/file-${i}.c`, `int f${i};\n`])),
});
afterAll(() => cleanup(repo));

describe('merge-sprint writing into a closed pipe', () => {
  it('stops quietly when the reader goes away, as `| head` does', async () => {
    const tsx = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const child = spawn(
      process.execPath,
      ['--import', tsx, path.join(ROOT, 'electron', 'core', 'cli', 'main.ts'), 'inventory', '--repo', repo, '--upstream', 'v1', '--fork', 'fork'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|at .*\(|node:internal/);
    expect(code).toBe(0);
  });
});
