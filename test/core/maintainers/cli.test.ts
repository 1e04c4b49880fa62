/** `merge-sprint maintainers map` and `series list --json` on the 2005-style sparse fork, as a script runs them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup } from '../../helpers/repo';
import { repoState, runCli } from '../cli/core-helpers';
import { makeOldMaintainersFork } from './fixture';

let repo: string;
const cli = (...args: string[]) => runCli([...args, '--repo', repo]);

beforeAll(async () => {
  repo = makeOldMaintainersFork();
  const init = await cli('init', '--upstream', 'upstream', '--fork', 'xen', '--pair', 'arch/xen/i386=arch/i386', '--pair', 'arch/xen/x86_64=arch/x86_64');
  expect(init.code, init.stderr).toBe(0);
}, 60_000);
afterAll(() => cleanup(repo));

describe('merge-sprint maintainers map', () => {
  it('refuses the import of a file without F: lines in words, writing nothing', async () => {
    const before = repoState(repo);
    const run = await cli('import-maintainers');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no F: lines, as before 2009; map its sections to folders instead');
    expect(repoState(repo)).toBe(before);
  }, 30_000);

  it('suggests, sets, and refuses a section the file does not have', async () => {
    const suggested = await cli('maintainers', 'map', '--suggest', '--json');
    expect(suggested.code, suggested.stderr).toBe(0);
    const json = JSON.parse(suggested.stdout) as { needsMap: boolean; map: unknown[]; suggestions: { section: string; folders: { folder: string }[] }[] };
    expect(json.needsMap).toBe(true);
    expect(json.map).toEqual([]);
    expect(json.suggestions.find((s) => s.section === 'X86-64 PORT')?.folders.map((f) => f.folder)).toEqual(['arch/x86_64']);

    const before = repoState(repo);
    const bad = await cli('maintainers', 'map', '--set', 'X86_64 PORTS=arch/x86_64');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/has no section "X86_64 PORTS"/);
    expect(repoState(repo)).toBe(before);

    const set = await cli('maintainers', 'map', '--set', 'x86-64 port=arch/x86_64', '--set', 'XEN=drivers/xen', '--set', 'XEN=arch/xen');
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('X86-64 PORT = arch/x86_64');
    expect(set.stdout).toContain('XEN = drivers/xen arch/xen');
  }, 60_000);

  it('imports through the map, and series list --json gives each patch its recipients with reasons', async () => {
    const imported = await cli('import-maintainers', '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).subsystems).toBeGreaterThan(0);
    expect((await cli('series', 'propose')).code).toBe(0);
    const list = await cli('series', 'list', '--json');
    const state = JSON.parse(list.stdout) as { recipients: { to: { address: string; reasons: string[] }[] }[] };
    const all = state.recipients.flatMap((r) => r.to);
    expect(all).toContainEqual({ address: 'Andi Kleen <ak@suse.de>', reasons: ['M: of X86-64 PORT, twin of arch/xen/x86_64'] });
  }, 60_000);
});
