/**
 * The inventory against git's own answers: which files are listed, their status, and their
 * counts, each checked with `git diff --numstat` on the same pair of blobs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeInventory } from '../../../electron/core/inventory/inventory';
import { createLru } from '../../../electron/core/host/lru';
import type { FileStatus, InventoryFile, SprintSettings } from '../../../shared/model';
import { cleanup, git, makeCommit } from '../../helpers/repo';
import { AWKWARD, makeInventoryFixture, repositoryState } from './fixture';

let repo = '';
let settings: SprintSettings;
let emptyBlob = '';
let before = '';
beforeAll(() => {
  ({ repo, settings } = makeInventoryFixture());
  emptyBlob = git(repo, ['hash-object', '-w', '--stdin'], { input: '' }).trim();
  before = repositoryState(repo);
});
afterAll(() => cleanup(repo));

interface Entry {
  mode: string;
  oid: string;
}
/** Every file of a commit under `dir` (or all), by path, as `git ls-tree` lists it. */
function filesOf(commit: string, dir?: string): Map<string, Entry> {
  const out = git(repo, ['ls-tree', '-r', '-z', '--full-tree', commit, ...(dir ? ['--', dir] : [])]);
  const map = new Map<string, Entry>();
  for (const rec of out.split('\0').filter(Boolean)) {
    const tab = rec.indexOf('\t');
    const [mode = '', , oid = ''] = rec.slice(0, tab).split(' ');
    map.set(rec.slice(tab + 1), { mode, oid });
  }
  return map;
}

/** The expected inventory line of one pair of files, from git and first principles. */
function expectedLine(path: string, upstreamPath: string, up: Entry | undefined, fork: Entry | undefined): InventoryFile {
  const status: FileStatus = !up ? 'fork-only' : !fork ? 'upstream-only' : up.oid === fork.oid && up.mode === fork.mode ? 'identical' : 'modified';
  if (up?.mode === '160000' || fork?.mode === '160000') {
    // A submodule entry diffs as one line, "Subproject commit <id>", on each side that has it.
    const changed = status !== 'identical';
    return { path, upstreamPath, status, added: changed && fork ? 1 : 0, removed: changed && up ? 1 : 0, binary: false };
  }
  const out = status === 'identical' ? '' : git(repo, ['diff', '--numstat', up?.oid ?? emptyBlob, fork?.oid ?? emptyBlob]);
  const [added = '0', removed = '0'] = out.split('\t');
  const binary = added === '-';
  return { path, upstreamPath, status, added: binary ? 0 : Number(added), removed: binary ? 0 : Number(removed), binary };
}

function expectedInventory(s: SprintSettings): InventoryFile[] {
  const upAll = filesOf(s.upstreamRef);
  const forkAll = filesOf(s.forkRef);
  const lines: InventoryFile[] = [];
  for (const p of s.pairings) {
    const rels = new Set<string>();
    for (const f of upAll.keys()) if (f.startsWith(`${p.upstream}/`)) rels.add(f.slice(p.upstream.length + 1));
    for (const f of forkAll.keys()) if (f.startsWith(`${p.fork}/`)) rels.add(f.slice(p.fork.length + 1));
    for (const rel of rels) {
      const [path, upstreamPath] = [`${p.fork}/${rel}`, `${p.upstream}/${rel}`];
      lines.push(expectedLine(path, upstreamPath, upAll.get(upstreamPath), forkAll.get(path)));
    }
  }
  const changed = git(repo, ['diff', '--name-only', '-z', '--no-renames', s.upstreamRef, s.forkRef]).split('\0').filter(Boolean);
  for (const path of changed) {
    if (s.pairings.some((p) => path.startsWith(`${p.fork}/`))) continue;
    lines.push(expectedLine(path, path, upAll.get(path), forkAll.get(path)));
  }
  return lines.sort((a, b) => (a.path < b.path ? -1 : 1));
}

describe('computeInventory', () => {
  it('lists every file of each pairing and every change outside, as git counts them', async () => {
    const result = await computeInventory(repo, settings);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.upstreamCommit).toBe(git(repo, ['rev-parse', 'v1.0^{commit}']).trim());
    expect(result.value.forkCommit).toBe(git(repo, ['rev-parse', 'xen']).trim());
    expect(result.value.files).toEqual(expectedInventory(settings));
  });

  it('gives each kind of file its status', async () => {
    const result = await computeInventory(repo, settings);
    if (!result.ok) throw new Error(result.error.message);
    const status = (path: string): string | undefined => result.value.files.find((f) => f.path === path)?.status;
    expect(status('arch/xen/i386/kernel/setup.c')).toBe('modified');
    expect(status('arch/xen/i386/kernel/same.c')).toBe('identical');
    expect(status('arch/xen/i386/kernel/evtchn.c')).toBe('fork-only');
    expect(status('arch/xen/i386/kernel/inherited.c')).toBe('upstream-only');
    expect(status('arch/xen/i386/mm/mode.c')).toBe('modified');
    expect(status('arch/xen/i386/link')).toBe('modified');
    expect(status(`arch/xen/i386/${AWKWARD}`)).toBe('modified');
    expect(status('arch/xen/i386/firmware')).toBe('identical');
    expect(status('arch/xen/i386/sub')).toBe('fork-only');
    expect(status('arch/xen/x86_64/kernel/head.c')).toBe('upstream-only');
    expect(status('glob[1]/outside.c')).toBe('modified');
    expect(status('glob1/outside.c')).toBe('modified');
    expect(status('drivers/net/ne2k.c')).toBe('modified');
    expect(status('drivers/net/gone.c')).toBe('upstream-only');
    expect(status('drivers/xen/new.c')).toBe('fork-only');
    expect(status('lib/sub')).toBe('modified');
    expect(status('README')).toBeUndefined();
    expect(result.value.files.find((f) => f.path === 'arch/xen/i386/logo.bin')).toMatchObject({ binary: true, added: 0, removed: 0 });
    expect(result.value.files.find((f) => f.path === 'glob[1]/outside.c')?.upstreamPath).toBe('glob1/outside.c');
  });

  it('accepts trailing slashes on paired folders', async () => {
    const s = { ...settings, pairings: [{ fork: 'arch/xen/i386/', upstream: 'arch/i386/' }] };
    const result = await computeInventory(repo, s);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.pairings).toEqual([{ fork: 'arch/xen/i386', upstream: 'arch/i386' }]);
    expect(result.value.files).toEqual(expectedInventory({ ...s, pairings: result.value.pairings }));
  });

  it('with no pairings lists what changed between the refs', async () => {
    const result = await computeInventory(repo, { ...settings, pairings: [] });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.files).toEqual(expectedInventory({ ...settings, pairings: [] }));
  });

  it('reads the refs again each time: a new fork commit gives a new inventory, even with a cache', async () => {
    const other = makeInventoryFixture();
    const cache = createLru<InventoryFile[]>(8);
    try {
      const first = await computeInventory(other.repo, other.settings, cache);
      makeCommit(other.repo, { files: { 'arch/xen/i386/kernel/same.c': 'now different\n' } });
      const second = await computeInventory(other.repo, other.settings, cache);
      if (!first.ok || !second.ok) throw new Error('inventory failed');
      expect(second.value.forkCommit).not.toBe(first.value.forkCommit);
      expect(second.value.files.find((f) => f.path === 'arch/xen/i386/kernel/same.c')?.status).toBe('modified');
      expect(first.value.files.find((f) => f.path === 'arch/xen/i386/kernel/same.c')?.status).toBe('identical');
    } finally {
      cleanup(other.repo);
    }
  });
});

describe('computeInventory refuses bad settings with a clear message', () => {
  const refused = async (s: SprintSettings): Promise<{ code: string; message: string }> => {
    const result = await computeInventory(repo, s);
    if (result.ok) throw new Error('expected a refusal');
    return result.error;
  };

  it('an unknown ref, naming it', async () => {
    const up = await refused({ ...settings, upstreamRef: 'v9.9' });
    expect(up.code).toBe('unknown-ref');
    expect(up.message).toMatch(/^Upstream ref: "v9\.9"/);
    const fork = await refused({ ...settings, forkRef: 'no-such-branch' });
    expect(fork.code).toBe('unknown-ref');
    expect(fork.message).toContain('"no-such-branch"');
  });

  it('a pairing whose folders exist in neither ref, naming the folders and refs', async () => {
    const error = await refused({ ...settings, pairings: [{ fork: 'arch/xen/ia64', upstream: 'arch/ia64' }] });
    expect(error.code).toBe('bad-path');
    expect(error.message).toContain('"arch/xen/ia64" is not in the fork ref xen');
    expect(error.message).toContain('"arch/ia64" is not in the upstream ref v1.0');
  });

  it('a pairing with one folder missing (a typo), naming the missing one', async () => {
    const upstreamTypo = await refused({ ...settings, pairings: [{ fork: 'drivers/xen', upstream: 'drivers/xenbus' }] });
    expect(upstreamTypo.code).toBe('bad-path');
    expect(upstreamTypo.message).toContain('"drivers/xenbus" is not in the upstream ref v1.0');
    expect(upstreamTypo.message).not.toContain('fork ref');
    const forkTypo = await refused({ ...settings, pairings: [{ fork: 'arch/xen/i368', upstream: 'arch/i386' }] });
    expect(forkTypo.message).toContain('"arch/xen/i368" is not in the fork ref xen');
  });

  it('a pairing that names a file instead of a folder', async () => {
    const error = await refused({ ...settings, pairings: [{ fork: 'drivers/xen', upstream: 'README' }] });
    expect(error.code).toBe('bad-path');
    expect(error.message).toContain('"README" is a file in v1.0');
  });

  it('paths that leave the repository or name .git', async () => {
    for (const pairing of [
      { fork: '../outside', upstream: 'arch/i386' },
      { fork: 'arch/xen/i386', upstream: 'arch/../etc' },
      { fork: '/etc', upstream: 'arch/i386' },
      { fork: '.git/hooks', upstream: 'arch/i386' },
      { fork: '-rf', upstream: 'arch/i386' },
    ]) {
      const error = await refused({ ...settings, pairings: [pairing] });
      expect(error.code).toBe('bad-path');
      expect(error.message).toContain(pairing.fork.includes('..') || pairing.upstream.includes('..') ? '".."' : '');
    }
  });

  it('overlapping pairings', async () => {
    const nested = await refused({ ...settings, pairings: [{ fork: 'arch/xen', upstream: 'arch' }, { fork: 'arch/xen/i386', upstream: 'arch/i386' }] });
    expect(nested.code).toBe('bad-input');
    expect(nested.message).toContain('"arch/xen/i386" is inside "arch/xen"');
    const twice = await refused({ ...settings, pairings: [{ fork: 'arch/xen/i386', upstream: 'arch/i386' }, { fork: 'arch/xen/i386/', upstream: 'arch/x86_64' }] });
    expect(twice.code).toBe('bad-input');
    expect(twice.message).toContain('paired twice');
  });

  it('and nothing in the repository changed through any of it', () => {
    expect(repositoryState(repo)).toBe(before);
  });
});
