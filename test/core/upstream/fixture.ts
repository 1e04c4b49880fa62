/**
 * A sparse fork of the real shape for the upstream move: upstream (`arch/i386`, a few hundred
 * inherited files under `drivers/` and `fs/`) released as v1; the sprint branch `main` holds a
 * Xen sub-architecture `arch/xen/i386` that copies three of arch/i386's files (two changed, one
 * identical); upstream then releases v2, fixing setup.c (ports cleanly into the copy), time.c
 * where the fork changed the same line (conflicts), the identical traps.c, an inherited driver,
 * and a file outside every pairing.
 */
import { renameContext } from '../rename/memory-plan';
import { git, makeCommit, makeRepo } from '../../helpers/repo';

export const lines = (n: number, tag: string, edits: Record<number, string> = {}): string =>
  Array.from({ length: n }, (_, i) => edits[i + 1] ?? `${tag} line ${i + 1}`).join('\n') + '\n';

export const PAIRING = { fork: 'arch/xen/i386', upstream: 'arch/i386' };

export const SETUP = 'arch/i386/kernel/setup.c';
export const TIME = 'arch/i386/kernel/time.c';
export const TRAPS = 'arch/i386/kernel/traps.c';
export const COPY_SETUP = 'arch/xen/i386/kernel/setup.c';
export const COPY_TIME = 'arch/xen/i386/kernel/time.c';
export const COPY_TRAPS = 'arch/xen/i386/kernel/traps.c';
export const DRIVER = 'drivers/net/ne2k-0.c';

export interface UpstreamFixture {
  repo: string;
  v1: string;
  v2: string;
  /** The sprint branch's commit before any move. */
  head: string;
  /** v2's commits that touch arch/i386 (newest first) and the one outside the pairing. */
  inScope: string[];
  outside: string;
}

export function makeUpstreamFork(): UpstreamFixture {
  const repo = makeRepo();
  const inherited: Record<string, string> = {};
  for (let i = 0; i < 300; i++) inherited[`drivers/net/ne2k-${i}.c`] = lines(5, `ne2k ${i}`);
  for (let i = 0; i < 100; i++) inherited[`fs/ext2/file-${i}.c`] = lines(5, `ext2 ${i}`);
  makeCommit(repo, {
    message: 'Linux 2.6.12',
    files: {
      ...inherited,
      [SETUP]: lines(40, 'setup'),
      [TIME]: lines(40, 'time'),
      [TRAPS]: lines(20, 'traps'),
      'arch/i386/Makefile': 'obj-y += kernel/\n',
    },
  });
  git(repo, ['tag', 'v1']);
  const v1 = git(repo, ['rev-parse', 'HEAD']).trim();
  makeCommit(repo, {
    message: 'xen: the i386 sub-architecture',
    files: {
      [COPY_SETUP]: lines(40, 'setup', { 2: 'setup line 2 (xen: start_info)' }),
      [COPY_TIME]: lines(40, 'time', { 20: 'time line 20 (xen: shadow time)' }),
      [COPY_TRAPS]: lines(20, 'traps'),
      'arch/xen/i386/Makefile': 'obj-y += kernel/\n',
    },
  });
  const head = git(repo, ['rev-parse', 'HEAD']).trim();
  git(repo, ['checkout', '-q', '-b', 'linus', 'v1']);
  const fixSetup = makeCommit(repo, { message: 'i386: setup fix', files: { [SETUP]: lines(40, 'setup', { 38: 'setup line 38 (fixed)' }) } });
  const fixTime = makeCommit(repo, { message: 'i386: time fix', files: { [TIME]: lines(40, 'time', { 20: 'time line 20 (fixed)' }) } });
  const fixTraps = makeCommit(repo, { message: 'i386: traps fix', files: { [TRAPS]: lines(20, 'traps', { 1: 'traps line 1 (fixed)' }) } });
  const outside = makeCommit(repo, { message: 'net: driver fix', files: { [DRIVER]: lines(5, 'ne2k 0', { 3: 'fixed' }) } });
  git(repo, ['tag', 'v2']);
  const v2 = git(repo, ['rev-parse', 'HEAD']).trim();
  git(repo, ['checkout', '-q', 'main']);
  return { repo, v1, v2, head, inScope: [fixTraps, fixTime, fixSetup], outside };
}

/** The sprint's plan in memory: upstream v1, fork main, arch/xen/i386 = arch/i386. */
export async function upstreamContext(repo: string): Promise<ReturnType<typeof renameContext>> {
  const ctx = renameContext(repo);
  const started = await ctx.plan.record({ type: 'sprint.init', upstreamRef: 'v1', forkRef: 'main', pairings: [PAIRING] }, ctx.actor);
  if (!started.ok) throw new Error(started.error.message);
  return ctx;
}

/** The hand-port of v2's time fix into the copy, as the team would commit it after the conflict. */
export function handPortTime(repo: string): string {
  return makeCommit(repo, {
    message: 'xen: port the time fix by hand',
    files: { [COPY_TIME]: lines(40, 'time', { 20: 'time line 20 (xen: shadow time, fixed)' }) },
  });
}
