/**
 * What moving the sprint's upstream ref to a newer upstream means: the upstream commits since
 * the current base that touch the pairings' upstream folders, every fork copy whose twin changed
 * with whether that change ports cleanly into it (./port.ts), and the files where merging the new
 * upstream into the branch conflicts. Nothing is written but blobs of clean ports.
 */
import { rm } from 'node:fs/promises';
import type { Pairing } from '../../../shared/model';
import { quotePath } from '../../../shared/paths';
import type { FileVersion } from '../../../shared/rename/model';
import { fail, ok, type Result } from '../../../shared/result';
import type { TwinPort, UpstreamPreview } from '../../../shared/upstream/model';
import type { PlanAccess } from '../context';
import { currentBranch } from '../git/commit';
import { isAncestor } from '../git/merge-base';
import { diffTreeRaw, type RawChange } from '../git/diff-tree';
import { commitsTouching } from '../git/log';
import { mergeTrees } from '../git/merge-tree';
import { resolveCommit } from '../git/refs';
import { gitDir as gitDirOf, treeId } from '../git/rev-parse';
import { lsTree } from '../git/trees';
import { checkPairings, upstreamTwin } from '../inventory/pairings';
import { NO_SPRINT } from '../series/propose';
import { scratchDir } from '../rename/journal';
import { headCommit } from '../rename/rules';
import { portTwinChange, type TwinChange } from './port';

/** A preview, with what the apply writes: the merged tree and each clean port's new version of its copy. */
export interface UpstreamMovePlan {
  preview: UpstreamPreview;
  /** The merge of the new upstream into the branch, or the branch's own tree when it has the new upstream already. */
  mergedTree: string;
  /** Whether the branch has the new upstream already (then the commit has one parent). */
  contained: boolean;
  writes: { path: string; version: FileVersion }[];
}

/** Ports merged at once: each is a few git processes, and the runner allows six per repository. */
const PARALLEL_PORTS = 4;

const short = (id: string): string => id.slice(0, 12);

const side = (mode: string, oid: string): FileVersion | null => (/^0+$/.test(mode) ? null : { mode, oid });

/** The fork copies at `head` whose twin changed upstream, with the versions the port needs. */
async function changedTwins(repo: string, head: string, pairings: readonly Pairing[], changes: RawChange[]): Promise<TwinChange[]> {
  if (changes.length === 0) return [];
  const byTwin = new Map(changes.map((c) => [c.path, c]));
  const copies = await lsTree(repo, head, pairings.map((p) => p.fork));
  const out: TwinChange[] = [];
  for (const entry of copies) {
    const twin = upstreamTwin(pairings, entry.path);
    const change = byTwin.get(twin);
    if (!change || twin === entry.path) continue;
    out.push({ path: entry.path, twin, copy: { mode: entry.mode, oid: entry.oid }, oldTwin: side(change.oldMode, change.oldOid), newTwin: side(change.newMode, change.newOid) });
  }
  return out;
}

async function portAll(repo: string, twins: TwinChange[]): Promise<{ ports: TwinPort[]; writes: UpstreamMovePlan['writes'] }> {
  const gitDir = await gitDirOf(repo);
  const scratch = await scratchDir(gitDir);
  const outcomes = new Array<Awaited<ReturnType<typeof portTwinChange>>>(twins.length);
  try {
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < twins.length; i = next++) outcomes[i] = await portTwinChange(repo, gitDir, scratch, twins[i] as TwinChange);
    };
    await Promise.all(Array.from({ length: PARALLEL_PORTS }, worker));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const writes = outcomes.flatMap((o) => (o.write ? [{ path: o.port.path, version: o.write }] : []));
  return { ports: outcomes.map((o) => o.port), writes };
}

/**
 * The upstream move to `toRef` for the branch at `head` (HEAD's when not given): refused for an
 * unknown or option-like ref, and for one that does not contain the sprint's current base.
 */
export async function planUpstreamMove(ctx: PlanAccess, toRef: string, at?: { branch: string; head: string }): Promise<Result<UpstreamMovePlan>> {
  const { plan } = await ctx.plan.snapshot();
  const sprint = plan.sprint;
  if (!sprint) return fail('no-plan', NO_SPRINT);
  const pairings = checkPairings(sprint.pairings);
  if (!pairings.ok) return pairings;
  const [to, base] = await Promise.all([resolveCommit(ctx.repo, toRef), resolveCommit(ctx.repo, sprint.upstreamRef)]);
  if (!to.ok) return fail(to.error.code, `New upstream: ${to.error.message}`);
  if (!base.ok) return fail(base.error.code, `The sprint's upstream ref: ${base.error.message}`);
  if (!(await isAncestor(ctx.repo, base.value, to.value))) {
    return fail(
      'bad-input',
      `${quotePath(toRef)} (${short(to.value)}) does not contain the sprint's upstream base ${quotePath(sprint.upstreamRef)} (${short(base.value)}): name a newer release of the same upstream, one whose history holds the current base. Nothing was changed.`,
    );
  }
  let branch = at?.branch;
  let head = at?.head;
  if (head === undefined) {
    const found = await headCommit(ctx.repo);
    if (!found.ok) return found;
    head = found.value;
    branch = (await currentBranch(ctx.repo)) ?? 'HEAD';
  }
  const upstreamDirs = pairings.value.map((p) => p.upstream);
  const contained = await isAncestor(ctx.repo, to.value, head);
  const [commits, changes, merged] = await Promise.all([
    commitsTouching(ctx.repo, base.value, to.value, upstreamDirs),
    diffTreeRaw(ctx.repo, base.value, to.value, upstreamDirs),
    contained ? treeId(ctx.repo, head).then((tree) => ({ tree, conflicts: [] as string[] })) : mergeTrees(ctx.repo, head, to.value),
  ]);
  const twins = await changedTwins(ctx.repo, head, pairings.value, changes);
  const { ports, writes } = await portAll(ctx.repo, twins);
  const preview: UpstreamPreview = {
    upstreamRef: sprint.upstreamRef,
    base: base.value,
    toRef,
    to: to.value,
    branch: branch ?? 'HEAD',
    head,
    commits,
    twins: ports,
    mergeConflicts: merged.conflicts,
  };
  return ok({ preview, mergedTree: merged.tree, contained, writes });
}
