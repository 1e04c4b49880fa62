/** The open repository in a few words: its folder, branches, tags and whether it has a sprint. */
import path from 'node:path';
import type { RepoSummary } from '../../../shared/api';
import type { RepoServices } from '../context';
import { listRefs } from '../git/refs';

export async function repoSummary(ctx: Pick<RepoServices, 'repo' | 'plan'>): Promise<RepoSummary> {
  const [refs, snapshot] = await Promise.all([listRefs(ctx.repo), ctx.plan.snapshot()]);
  return {
    path: ctx.repo,
    name: path.basename(ctx.repo),
    branch: refs.current,
    branches: refs.branches,
    tags: refs.tags,
    hasPlan: snapshot.plan.sprint !== null,
  };
}
