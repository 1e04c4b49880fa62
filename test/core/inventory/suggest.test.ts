/** Pairing suggestions on a demo-like layout, the choice between nested candidates, and the likeness of twins. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawChange } from '../../../electron/core/git/diff-tree';
import { isGenericName } from '../../../electron/core/inventory/generic-names';
import { nameCandidates, scoreCandidate, suggestPairings, twinLikeness } from '../../../electron/core/inventory/suggest';
import { cleanup, makeCommit, makeRepo } from '../../helpers/repo';

let repo = '';
beforeAll(() => {
  repo = makeRepo();
  const upstream: Record<string, string> = {};
  for (const f of ['setup.c', 'irq.c', 'time.c', 'traps.c', 'Makefile']) upstream[`arch/i386/kernel/${f}`] = `${f}\n`;
  for (const f of ['fault.c', 'init.c', 'Makefile']) upstream[`arch/i386/mm/${f}`] = `${f}\n`;
  for (const f of ['setup.c', 'entry.S', 'Makefile']) upstream[`arch/x86_64/kernel/${f}`] = `${f}\n`;
  for (const f of ['fork.c', 'exit.c', 'sched.c', 'Makefile']) upstream[`kernel/${f}`] = `${f}\n`;
  for (const f of ['ne2k.c', 'Makefile']) upstream[`drivers/net/${f}`] = `${f}\n`;
  makeCommit(repo, { files: upstream, message: 'upstream' });
  makeCommit(repo, {
    branch: 'xen',
    message: 'fork',
    files: {
      // arch/xen/i386: 4 copies of arch/i386 files and one of its own: 4/5.
      'arch/xen/i386/kernel/setup.c': 'xen setup\n',
      'arch/xen/i386/kernel/irq.c': 'xen irq\n',
      'arch/xen/i386/kernel/evtchn.c': 'fork only\n',
      'arch/xen/i386/mm/fault.c': 'xen fault\n',
      'arch/xen/i386/mm/init.c': 'xen init\n',
      // arch/xen/x86_64: 2 copies out of 2.
      'arch/xen/x86_64/kernel/setup.c': 'xen setup 64\n',
      'arch/xen/x86_64/kernel/entry.S': 'xen entry\n',
      // drivers/xen/core: 3 of kernel's files out of 4.
      'drivers/xen/core/fork.c': 'xen fork\n',
      'drivers/xen/core/sched.c': 'xen sched\n',
      'drivers/xen/core/exit.c': 'xen exit\n',
      'drivers/xen/core/gnttab.c': 'fork only\n',
      // Nothing like it upstream.
      'drivers/xen/blkback/blkback.c': 'fork only\n',
      'drivers/xen/blkback/interface.c': 'fork only\n',
      // Changed in place: not a fork folder.
      'drivers/net/ne2k.c': 'xen ne2k\n',
    },
  });
});
afterAll(() => cleanup(repo));

describe('suggestPairings', () => {
  it('suggests the sub-architecture folders and the moved core, best first', async () => {
    const result = await suggestPairings(repo, 'main', 'xen');
    if (!result.ok) throw new Error(result.error.message);
    // The files are under 400 bytes, too small for git to call a rewrite, so every twin counts as similar.
    expect(result.value).toEqual([
      { fork: 'arch/xen/x86_64', upstream: 'arch/x86_64', score: 1, forkFiles: 2, matched: 2, identical: 0, similar: 2, confident: true },
      { fork: 'arch/xen/i386', upstream: 'arch/i386', score: 4 / 5, forkFiles: 5, matched: 4, identical: 0, similar: 4, confident: true },
      { fork: 'drivers/xen/core', upstream: 'kernel', score: 3 / 4, forkFiles: 4, matched: 3, identical: 0, similar: 3, confident: true },
    ]);
  });

  it('refuses unknown refs', async () => {
    const result = await suggestPairings(repo, 'main', 'nope');
    expect(result.ok ? null : result.error.code).toBe('unknown-ref');
  });
});

describe('nameCandidates', () => {
  const upstream = ['arch/i386/kernel/a.c', 'arch/i386/kernel/b.c', 'arch/i386/mm/c.c', 'lib/a.c'];
  const pairs = (forkFiles: string[], up = upstream) => nameCandidates(up, forkFiles).map((c) => `${c.fork}=${c.twins[0]?.upstream ?? ''}`);

  it('prefers the folder that keeps the same last name over a wrapper around it', () => {
    // "wrap" = "arch" and "wrap/i386" = "arch/i386" match the same files; the second says more.
    expect(nameCandidates(upstream, ['wrap/i386/kernel/a.c', 'wrap/i386/mm/c.c'])).toEqual([
      { fork: 'wrap/i386', files: ['kernel/a.c', 'mm/c.c'], twins: [{ upstream: 'arch/i386', twins: ['kernel/a.c', 'mm/c.c'], named: 2 }] },
    ]);
  });

  it('keeps the sub-architecture folder over its subfolders, and over a twin that is its own parent', () => {
    expect(pairs(['arch/xen/i386/kernel/a.c', 'arch/xen/i386/kernel/b.c'])).toEqual(['arch/xen/i386=arch/i386']);
  });

  it('drops folders with fewer than two twins, and folders that exist upstream', () => {
    expect(pairs(['new/a.c', 'new/x.c', 'new/y.c'])).toEqual([]);
    expect(pairs(['lib/a.c', 'arch/i386/kernel/a.c'])).toEqual([]);
  });

  it('never pairs folders whose twins share only generic names (Makefile, Kconfig, README)', () => {
    const up = ['arch/alpha/kernel/Makefile', 'arch/alpha/kernel/Kconfig', 'arch/alpha/kernel/README.txt', 'arch/alpha/kernel/osf_sys.c'];
    expect(pairs(['drivers/xen/console/Makefile', 'drivers/xen/console/Kconfig', 'drivers/xen/console/README.txt'], up)).toEqual([]);
    expect(pairs(['drivers/xen/console/Makefile', 'drivers/xen/console/Kconfig', 'drivers/xen/console/xencons.c'], up)).toEqual([]);
    // The generic names still count as twins once telling ones made the pair.
    const c = nameCandidates([...up, 'arch/alpha/kernel/irq.c'], ['x/alpha/osf_sys.c', 'x/alpha/irq.c', 'x/alpha/Makefile']);
    expect(c.map((k) => [k.fork, k.twins[0]?.upstream, k.twins[0]?.twins.length, k.twins[0]?.named])).toEqual([['x/alpha', 'arch/alpha/kernel', 3, 2]]);
  });
});

describe('isGenericName', () => {
  it('knows the names every folder has, with or without a suffix, and nothing else', () => {
    for (const n of ['Makefile', 'a/Kconfig', 'a/Kconfig.debug', 'README', 'README.md', 'Makefile.am', '.gitignore', 'COPYING', 'x/Kbuild']) expect(isGenericName(n), n).toBe(true);
    for (const n of ['setup.c', 'a/makefile-helper.c', 'index.c', 'kernel/build.c', 'mm/readme_parser.c']) expect(isGenericName(n), n).toBe(false);
  });
});

describe('twinLikeness and scoreCandidate', () => {
  const change = (path: string, status: string): RawChange => ({ oldMode: '100644', newMode: '100644', oldOid: 'a'.repeat(40), newOid: 'b'.repeat(40), status, path });

  it('counts twins no record names as identical, small or scored-under-half changes as similar, rewrites and type changes as neither', () => {
    const likeness = twinLikeness(['same.c', 'small.c', 'half.c', 'rewrite.c', 'link.c'], [change('small.c', 'M'), change('half.c', 'M049'), change('rewrite.c', 'M050'), change('link.c', 'T')]);
    expect(likeness).toEqual({ identical: 1, similar: 2 });
  });

  it('picks the twin folder with most near-identical twins, and ticks it only when over half the fork files are near-identical', () => {
    const c = {
      fork: 'arch/xen/x86_64',
      files: ['a.c', 'b.c', 'c.c', 'd.c', 'e.c'],
      twins: [
        { upstream: 'arch/i386', twins: ['a.c', 'b.c', 'c.c', 'd.c'], named: 4 },
        { upstream: 'arch/x86_64', twins: ['a.c', 'b.c', 'c.c'], named: 3 },
      ],
    };
    expect(scoreCandidate(c, [{ identical: 0, similar: 1 }, { identical: 1, similar: 2 }])).toEqual({
      fork: 'arch/xen/x86_64', upstream: 'arch/x86_64', score: 3 / 5, forkFiles: 5, matched: 3, identical: 1, similar: 2, confident: true,
    });
    const rewritten = scoreCandidate(c, [{ identical: 0, similar: 2 }, { identical: 0, similar: 1 }]);
    expect([rewritten.upstream, rewritten.score, rewritten.confident]).toEqual(['arch/i386', 2 / 5, false]);
  });
});
