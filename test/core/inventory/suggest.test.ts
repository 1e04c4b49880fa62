/** Pairing suggestions on a demo-like layout, and the choice between nested candidates. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestFromFiles, suggestPairings } from '../../../electron/core/inventory/suggest';
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
    expect(result.value).toEqual([
      { fork: 'arch/xen/x86_64', upstream: 'arch/x86_64', score: 1, forkFiles: 2, matched: 2 },
      { fork: 'arch/xen/i386', upstream: 'arch/i386', score: 4 / 5, forkFiles: 5, matched: 4 },
      { fork: 'drivers/xen/core', upstream: 'kernel', score: 3 / 4, forkFiles: 4, matched: 3 },
    ]);
  });

  it('refuses unknown refs', async () => {
    const result = await suggestPairings(repo, 'main', 'nope');
    expect(result.ok ? null : result.error.code).toBe('unknown-ref');
  });
});

describe('suggestFromFiles', () => {
  const upstream = ['arch/i386/kernel/a.c', 'arch/i386/kernel/b.c', 'arch/i386/mm/c.c', 'lib/a.c'];

  it('prefers the folder that keeps the same last name over a wrapper around it', () => {
    // "wrap" = "arch" and "wrap/i386" = "arch/i386" match the same files; the second says more.
    expect(suggestFromFiles(upstream, ['wrap/i386/kernel/a.c', 'wrap/i386/mm/c.c'])).toEqual([
      { fork: 'wrap/i386', upstream: 'arch/i386', score: 1, forkFiles: 2, matched: 2 },
    ]);
  });

  it('keeps the sub-architecture folder over its subfolders, and over a twin that is its own parent', () => {
    const suggestions = suggestFromFiles(upstream, ['arch/xen/i386/kernel/a.c', 'arch/xen/i386/kernel/b.c']);
    expect(suggestions.map((s) => `${s.fork}=${s.upstream}`)).toEqual(['arch/xen/i386=arch/i386']);
  });

  it('drops folders where less than half the files have a twin, and folders that exist upstream', () => {
    expect(suggestFromFiles(upstream, ['new/a.c', 'new/x.c', 'new/y.c'])).toEqual([]);
    expect(suggestFromFiles(upstream, ['lib/a.c', 'arch/i386/kernel/a.c'])).toEqual([]);
  });

  it('needs more than one shared name (a lone Makefile is no evidence)', () => {
    expect(suggestFromFiles(['drivers/net/Makefile', 'drivers/net/ne2k.c'], ['drivers/xen/netfront/Makefile', 'drivers/xen/netfront/netfront.c'])).toEqual([]);
  });
});
