/** What the kill tests need besides the kill: a context on a real plan store, and the user's own uncommitted work. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PlanAccess } from '../../../electron/core/context';
import { openPlanStore } from '../../../electron/core/plan/store';
import { git } from '../../helpers/repo';

/** Runs `run` with the repository's plan store open, closing it afterwards. */
export async function withCtx<T>(repo: string, run: (ctx: PlanAccess) => Promise<T>): Promise<T> {
  const plan = await openPlanStore(repo);
  try {
    return await run({ repo, actor: { name: 'Test', email: 'test@example.org' }, plan });
  } finally {
    plan.close();
  }
}

/** Uncommitted work outside the rules' folders: an unstaged edit, a staged edit, an untracked file. */
export function addUserWork(repo: string): void {
  writeFileSync(path.join(repo, 'README'), 'unsaved edit\n');
  writeFileSync(path.join(repo, 'drivers/xen/balloon/balloon.c'), 'staged edit\n');
  git(repo, ['add', 'drivers/xen/balloon/balloon.c']);
  writeFileSync(path.join(repo, 'notes.txt'), 'untracked notes\n');
}

/** The unstaged README and the staged balloon.c as they are now. */
export const userEdits = (repo: string) => ({
  readme: readFileSync(path.join(repo, 'README'), 'utf8'),
  staged: git(repo, ['show', ':drivers/xen/balloon/balloon.c']),
});
