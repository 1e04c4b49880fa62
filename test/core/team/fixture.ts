/**
 * A sparse fork of the real shape for the team's tests: upstream `arch/i386` with a few thousand
 * files, a fork folder `arch/xen/i386` that copies a few hundred of them with Xen changes and
 * inherits the rest, and a sprint branch (`sprint`, the fork ref) with two cards: mm and kernel.
 */
import type { RepoServices } from '../../../electron/core/context';
import { openRepoServices } from '../../../electron/core/host/services';
import type { Actor } from '../../../shared/model';
import { git, makeCommit, makeRepo } from '../../helpers/repo';
import { callOk } from '../series/series-fixture';

export const KEIR: Actor = { name: 'Keir Fraser', email: 'keir@example.org' };
export const lines = (n: number, tag: string): string => Array.from({ length: n }, (_, i) => `${tag} ${i}`).join('\n') + '\n';

const UPSTREAM_FILES = 2400;
const FORK_COPIES = 240;

export const upstreamPath = (i: number): string => `arch/i386/${i % 2 === 0 ? 'mm' : 'kernel'}/f${i}.c`;
export const forkPath = (i: number): string => `arch/xen/i386/${i % 2 === 0 ? 'mm' : 'kernel'}/f${i}.c`;

export interface TeamFixture {
  repo: string;
  ctx: RepoServices;
  mmFiles: string[];
  kernelFiles: string[];
}

/** The sparse fork's history: upstream on `upstream`, the fork on `sprint` (checked out). */
export function makeSparseFork(): { repo: string; mmFiles: string[]; kernelFiles: string[] } {
  const repo = makeRepo();
  const upstream: Record<string, string> = {};
  for (let i = 0; i < UPSTREAM_FILES; i++) upstream[upstreamPath(i)] = lines(6, `upstream ${i}`);
  makeCommit(repo, { files: upstream, message: 'Linux 2.6.12' });
  git(repo, ['branch', 'upstream']);
  const fork: Record<string, string> = {};
  for (let i = 0; i < FORK_COPIES; i++) fork[forkPath(i)] = lines(6, `upstream ${i}`).replace(`upstream ${i} 2`, `xen ${i} 2`);
  makeCommit(repo, { files: fork, message: 'xen: the i386 sub-architecture', branch: 'sprint' });
  const mmFiles = Object.keys(fork).filter((f) => f.includes('/mm/'));
  const kernelFiles = Object.keys(fork).filter((f) => f.includes('/kernel/'));
  return { repo, mmFiles, kernelFiles };
}

export async function makeTeamFixture(): Promise<TeamFixture> {
  const { repo, mmFiles, kernelFiles } = makeSparseFork();
  const opened = await openRepoServices(repo, { actor: KEIR, push: () => undefined, log: () => undefined });
  if (!opened.ok) throw new Error(opened.error.message);
  const ctx = opened.value;
  await callOk(ctx, 'sprint.init', { upstreamRef: 'upstream', forkRef: 'sprint', pairings: [{ fork: 'arch/xen/i386', upstream: 'arch/i386' }] });
  const card = (id: string, files: string[]) => ({ id, name: `xen/i386/${id}`, files, source: { kind: 'manual' as const }, owner: null, state: 'Backlog' as const, blocked: null });
  await callOk(ctx, 'plan.change', { change: { type: 'person.put', person: { id: 'keir', name: 'Keir Fraser', email: KEIR.email, color: '#3366cc' } } });
  await callOk(ctx, 'plan.change', { change: { type: 'subsystems.replace', subsystems: [card('mm', mmFiles), card('kernel', kernelFiles)] } });
  await callOk(ctx, 'plan.change', { change: { type: 'card.assign', subsystemId: 'mm', owner: 'keir' } });
  return { repo, ctx, mmFiles, kernelFiles };
}
