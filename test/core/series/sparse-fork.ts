/**
 * A sparse fork of the real shape for the export's tests: upstream's arch/i386 holds a few
 * hundred files and the rest of the tree more than a thousand; the fork's arch/xen/i386
 * (paired with arch/i386) copies a few dozen of them with a few lines changed each and inherits
 * the rest, adds a new drivers/xen, and hooks one upstream file. The fork's developers commit
 * in several steps with their own trailers, still on the old layout, while upstream releases.
 */
import { emptyPlan, type Plan } from '../../../shared/model';
import type { PlanChange } from '../../../shared/plan/events';
import { git, makeCommit, makeRepo, type FileSpec } from '../../helpers/repo';
import { proposeForPlan } from '../../../electron/core/series/propose';
import { splitPatch } from '../../../shared/series/edit';
import { planWith } from './series-fixture';

const body = (name: string, n: number): string => Array.from({ length: n }, (_, i) => `/* ${name} */ int ${name.replace(/\W/g, '_')}_${i} = ${i};`).join('\n') + '\n';

export const I386_FILES = 240;
export const COPIED = 30;
export const KEIR = 'Signed-off-by: Keir Fraser <keir@xensource.com>';
export const IAN = 'Acked-by: Ian Pratt <ian@xensource.com>';
export const CHRIS = 'Reviewed-by: Chris Wright <chrisw@osdl.org>';
export const ALICE = { name: 'Alice Hook', email: 'alice@example.org' };
export const BOB = { name: 'Bob Core', email: 'bob@example.org' };

const i386 = (i: number): string => `arch/i386/kernel/k${String(i).padStart(3, '0')}.c`;
export const copyOf = (i: number): string => i386(i).replace('arch/i386/', 'arch/xen/i386/');
export const twinOfCopy = i386;

export interface SparseFork {
  repo: string;
  upstream: string;
  plan: Plan;
  /** The changes that made the plan, for a test that sends them through the plan store. */
  changes: PlanChange[];
}

/** Commits as a fork developer, with the message's trailers as written. */
function forkCommit(repo: string, files: Record<string, FileSpec>, message: string): string {
  makeCommit(repo, { files, message, branch: 'xen' });
  git(repo, ['commit', '-q', '--amend', '--no-edit', '--reset-author'], { env: { GIT_AUTHOR_NAME: 'Keir Fraser', GIT_AUTHOR_EMAIL: 'keir@xensource.com' } });
  return git(repo, ['rev-parse', 'HEAD']).trim();
}

export function makeSparseFork(extraUpstream: Record<string, FileSpec> = {}): SparseFork {
  const repo = makeRepo();
  const files: Record<string, FileSpec> = { README: 'Linux\n', 'arch/i386/kernel/setup.c': body('setup', 80), ...extraUpstream };
  for (let i = 0; i < I386_FILES; i++) files[i386(i)] = body(`k${i}`, 60);
  for (let i = 0; i < 1200; i++) files[`drivers/misc/m${i}.c`] = body(`m${i}`, 5);
  makeCommit(repo, { files, message: 'Linux 2.6.12' });
  git(repo, ['branch', 'upstream-old']);
  // The fork copies some of arch/i386 into its sub-architecture and changes a few lines of each.
  const copies: Record<string, FileSpec> = {};
  for (let i = 0; i < COPIED; i++) copies[copyOf(i)] = body(`k${i}`, 60).replace(`k${i}_10 = 10;`, `k${i}_10 = xen_value(10);\nint k${i}_xen = 1;`);
  forkCommit(repo, copies, `xen: i386 sub-architecture\n\nCopies of the i386 files Xen changes.\n\n${KEIR}\n${IAN}\n`);
  forkCommit(repo, { 'arch/i386/kernel/setup.c': body('setup', 80).replace('setup_40 = 40;', 'setup_40 = 40;\nxen_hook();') }, `i386: a hook for Xen\n\n${KEIR}\n${CHRIS}\n`);
  forkCommit(repo, { 'drivers/xen/core/evtchn.c': body('evtchn', 50), [copyOf(3)]: body('k3', 60).replace('k3_20 = 20;', 'k3_20 = 21;').replace('k3_10 = 10;', 'k3_10 = xen_value(10);\nint k3_xen = 1;') }, 'xen: event channels\n\nNo trailers in this one.\n');
  // Upstream releases meanwhile; the fork merges the release, still on the old layout.
  makeCommit(repo, { files: { 'drivers/misc/m7.c': body('m7-new', 5) }, message: 'Linux 2.6.13', branch: 'upstream', from: 'upstream-old' });
  git(repo, ['checkout', '-q', 'xen']);
  git(repo, ['merge', '-q', '--no-edit', 'upstream']);
  const upstream = git(repo, ['rev-parse', 'upstream']).trim();
  git(repo, ['checkout', '-q', 'main']);
  const changes: PlanChange[] = [
    { type: 'sprint.init', upstreamRef: 'upstream', forkRef: 'xen', pairings: [{ fork: 'arch/xen/i386', upstream: 'arch/i386' }] },
    { type: 'person.put', person: { id: 'alice', ...ALICE, color: '#112233' } },
    { type: 'person.put', person: { id: 'bob', ...BOB, color: '#445566' } },
    {
      type: 'subsystems.replace',
      subsystems: [
        { id: 'hooks', name: 'i386 hooks', files: ['arch/i386/kernel/setup.c'], source: { kind: 'manual' }, owner: 'alice', state: 'Review', blocked: null },
        { id: 'xen-i386', name: 'Xen i386', files: Array.from({ length: COPIED }, (_, i) => copyOf(i)), source: { kind: 'manual' }, owner: 'bob', state: 'Review', blocked: null },
        { id: 'xen-core', name: 'Xen core', files: ['drivers/xen/core/evtchn.c'], source: { kind: 'manual' }, owner: 'bob', state: 'Review', blocked: null },
      ],
    },
  ];
  return { repo, upstream, plan: planWith(changes, emptyPlan()), changes };
}

/** The sparse fork with its series proposed. */
export async function proposedSparseFork(extraUpstream: Record<string, FileSpec> = {}): Promise<SparseFork> {
  const fx = makeSparseFork(extraUpstream);
  const proposed = await proposeForPlan(fx.repo, fx.plan);
  if (!proposed.ok) throw new Error(proposed.error.message);
  return { ...fx, plan: planWith([proposed.value.change], fx.plan) };
}

/** The sparse fork's copies cut into `parts` patches of their own, so copies arrive in several patches. */
export function copiesInParts(plan: Plan, parts: number): Plan {
  let next = plan;
  const per = Math.ceil(COPIED / parts);
  for (let part = parts - 1; part >= 1; part--) {
    const files = Array.from({ length: COPIED }, (_, i) => copyOf(i)).slice(part * per, (part + 1) * per);
    const split = splitPatch(next.series, 'patch-xen-i386', files, { newId: `patch-xen-i386-${part + 1}`, subject: `xen: i386 copies, part ${part + 1}` });
    if (!split.ok) throw new Error(split.error.message);
    next = planWith([split.value], next);
  }
  return next;
}
