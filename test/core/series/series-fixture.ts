/**
 * A small fork for series tests: upstream with a few Linux-like folders, a MAINTAINERS file
 * and a binary; the fork `xen` adds hooks to upstream files, a new sub-architecture, binary
 * files and names with spaces, quotes, a newline and non-ASCII, and removes one file.
 */
import { applyChange } from '../../../shared/plan/apply';
import { emptyPlan, type Plan, type Subsystem } from '../../../shared/model';
import type { PlanChange } from '../../../shared/plan/events';
import { git, makeCommit, makeRepo, type FileSpec } from '../../helpers/repo';
import type { Channel, Req, Res } from '../../../shared/api';
import type { RepoServices } from '../../../electron/core/context';
import { callRepo } from '../../../electron/core/host';
import { loadSeries, type SeriesInput } from '../../../electron/core/series/load';
import { proposeForPlan, type ProposalResult } from '../../../electron/core/series/propose';
import type { SeriesPatch } from '../../../shared/series/model';

export const ODD_NAME = 'drivers/xen/odd "name" it\'s\nnew.c';
export const NON_ASCII = 'drivers/xen/naïve-Δ.c';
export const BINARY = 'drivers/xen/firmware.bin';

const lines = (prefix: string, n: number): string => Array.from({ length: n }, (_, i) => `${prefix} line ${i + 1}`).join('\n') + '\n';
const bytes = (seed: number, n: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed * 7) % 256));

export const MAINTAINERS = `List of maintainers

X86 ARCHITECTURE
M:	Ingo Molnar <mingo@example.org>
R:	Peter Anvin <hpa@example.org>
L:	x86@example.org
S:	Maintained
F:	arch/i386/

SCHEDULER
M:	Ingo Molnar <mingo@example.org>
L:	linux-kernel@example.org
S:	Maintained
F:	include/linux/sched.h

XEN HYPERVISOR INTERFACE
M:	Jürgen Groß <jgross@example.org>
R:	Boris Reviewer <boris@example.org>
L:	xen-devel@example.org (moderated for non-subscribers)
S:	Supported
F:	drivers/xen/
F:	arch/xen/
F:	include/asm-xen/
X:	drivers/xen/odd*
`;

export const UPSTREAM_FILES: Record<string, FileSpec> = {
  README: 'Linux\n',
  Makefile: 'all:\n\ttrue\n',
  MAINTAINERS,
  'arch/i386/kernel/setup.c': lines('setup', 40),
  'arch/i386/kernel/time.c': lines('time', 30),
  'drivers/char/mem.c': lines('mem', 20),
  'drivers/char/old.c': lines('old', 10),
  'include/linux/sched.h': lines('sched', 25),
  'firmware/logo.bin': bytes(1, 300),
};

export const FORK_FILES: Record<string, FileSpec> = {
  'arch/i386/kernel/setup.c': lines('setup', 40).replace('setup line 20\n', 'setup line 20\nxen_hook();\n'),
  'include/linux/sched.h': lines('sched', 25) + 'extern int xen_sched_hook;\n',
  'drivers/char/old.c': null,
  'arch/xen/i386/kernel/entry.S': lines('entry', 50),
  'arch/xen/i386/kernel/setup.c': lines('xsetup', 60),
  'arch/xen/i386/mm/init.c': lines('init', 30),
  'arch/xen/Kconfig': 'config XEN\n\tbool\n',
  'drivers/xen/core/evtchn.c': lines('evtchn', 40),
  'drivers/xen/core/gnttab.c': lines('gnttab', 35),
  [BINARY]: bytes(3, 500),
  [ODD_NAME]: lines('odd', 5),
  [NON_ASCII]: lines('naïve', 5),
  'include/asm-xen/hypervisor.h': lines('hyp', 15),
  'firmware/logo.bin': bytes(2, 300),
};

export interface SeriesFixture {
  repo: string;
  upstream: string;
  fork: string;
  plan: Plan;
}

const subsystem = (id: string, name: string, files: string[], owner: string | null): Subsystem => ({
  id,
  name,
  files,
  source: { kind: 'manual' },
  owner,
  state: 'Backlog',
  blocked: null,
});

/** Applies plan changes as the plan store would, failing the test on a refused one. */
export function planWith(changes: PlanChange[], start: Plan = emptyPlan()): Plan {
  let plan = start;
  for (const change of changes) {
    const next = applyChange(plan, change);
    if (!next.ok) throw new Error(`plan change ${change.type} refused: ${next.error.message}`);
    plan = next.value;
  }
  return plan;
}

export function makeSeriesFixture(): SeriesFixture {
  const repo = makeRepo();
  const upstream = makeCommit(repo, { files: UPSTREAM_FILES, message: 'upstream 2.6.12' });
  git(repo, ['branch', 'upstream']);
  const fork = makeCommit(repo, { files: FORK_FILES, message: 'xen port', branch: 'xen' });
  git(repo, ['checkout', '-q', 'main']);
  const plan = planWith([
    { type: 'sprint.init', upstreamRef: 'upstream', forkRef: 'xen', pairings: [] },
    { type: 'person.put', person: { id: 'alice', name: 'Alice Hook', email: 'alice@example.org', color: '#112233' } },
    { type: 'person.put', person: { id: 'bob', name: 'Bøb Core', email: 'bob@example.org', color: '#445566' } },
    {
      type: 'subsystems.replace',
      subsystems: [
        subsystem('hooks', 'i386 hooks', ['arch/i386/kernel/setup.c', 'include/linux/sched.h'], 'alice'),
        subsystem('xen-core', 'Xen core', ['drivers/xen/core/evtchn.c', 'drivers/xen/core/gnttab.c', BINARY, ODD_NAME, NON_ASCII], 'bob'),
        subsystem('xen-i386', 'Xen i386', ['arch/xen/i386/kernel/entry.S', 'arch/xen/i386/kernel/setup.c', 'arch/xen/i386/mm/init.c', 'arch/xen/Kconfig'], 'alice'),
      ],
    },
  ]);
  return { repo, upstream, fork, plan };
}

/** What the user's repository shows: status, every ref but ours, the index. */
export function userState(repo: string): string {
  const refs = git(repo, ['for-each-ref', '--format=%(refname) %(objectname)'])
    .split('\n')
    .filter((l) => !l.startsWith('refs/merge-sprint/'))
    .join('\n');
  return [git(repo, ['status', '--porcelain=v1', '-z', '--untracked-files=all']), refs, git(repo, ['ls-files', '-s', '-z']), git(repo, ['worktree', 'list', '--porcelain'])].join('\n--\n');
}

/** The fixture with its series proposed by the engine and recorded in the plan. */
export async function proposedFixture(): Promise<SeriesFixture> {
  const fx = makeSeriesFixture();
  const proposed = await proposeForPlan(fx.repo, fx.plan);
  if (!proposed.ok) throw new Error(proposed.error.message);
  return { ...fx, plan: planWith([proposed.value.change], fx.plan) };
}

export const SENDER = { name: 'Sam Sender', email: 'sam@example.org' };

/** `git diff-tree --name-only` of one commit against its parent, as a sorted list. */
export function filesOfCommit(repo: string, commit: string): string[] {
  return git(repo, ['diff-tree', '-r', '-z', '--no-renames', '--name-only', `${commit}^`, commit]).split('\0').filter(Boolean).sort();
}

/** Calls a channel on the repository's services and returns its answer, failing the test on an error. */
export async function callOk<C extends Channel>(ctx: RepoServices, channel: C, request: Req<C>): Promise<Res<C>> {
  const result = await callRepo(ctx, channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as Res<C>;
}

/** The series input of the plan on the repository, failing the test when it cannot be loaded. */
export async function seriesInput(repo: string, plan: Plan): Promise<SeriesInput> {
  const input = await loadSeries(repo, plan);
  if (!input.ok) throw new Error(input.error.message);
  return input.value;
}

/**
 * The fork replaces the file Makefile with a folder Makefile/ holding rules.mk. Returns the
 * proposal with rules.mk taken out of its patches, and a patch of its own that adds it, for a
 * test to place before or after the patch that removes the file.
 */
export async function forkWithMakefileFolder(fx: SeriesFixture): Promise<{ change: ProposalResult['change']; patches: SeriesPatch[]; addition: SeriesPatch }> {
  git(fx.repo, ['checkout', '-q', 'xen']);
  makeCommit(fx.repo, { files: { Makefile: null }, message: 'drop Makefile' });
  makeCommit(fx.repo, { files: { 'Makefile/rules.mk': 'all:\n' }, message: 'Makefile folder' });
  git(fx.repo, ['checkout', '-q', 'main']);
  const proposed = await proposeForPlan(fx.repo, fx.plan);
  if (!proposed.ok) throw new Error(proposed.error.message);
  const patches = proposed.value.change.patches
    .map((p) => ({ ...p, files: p.files.filter((f) => f !== 'Makefile/rules.mk') }))
    .filter((p) => p.files.length > 0);
  const addition = { id: 'add-rules', subject: 'build: add rules', description: '', author: null, files: ['Makefile/rules.mk'] };
  return { change: proposed.value.change, patches, addition };
}
