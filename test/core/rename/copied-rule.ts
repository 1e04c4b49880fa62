/** A Xen fixture repository whose one rule (SRC -> DST) has its interim copies made. */
import { copyRules } from '../../../electron/core/rename/copy';
import { addRule } from '../../../electron/core/rename/rules';
import { DST, SRC, makeXenRepo } from './fixture';
import { renameContext } from './memory-plan';

/** Makes the repository (added to `repos` for cleanup), adds the rule and copies it. */
export async function copiedRule(repos: string[]) {
  const repo = makeXenRepo();
  repos.push(repo);
  const ctx = renameContext(repo);
  const added = await addRule(ctx, SRC, DST);
  if (!added.ok) throw new Error(added.error.message);
  const made = await copyRules(ctx, { all: true });
  if (!made.ok) throw new Error(made.error.message);
  return { repo, ctx, id: added.value.rule.id, copy: made.value.copies[0]?.commit as string };
}
