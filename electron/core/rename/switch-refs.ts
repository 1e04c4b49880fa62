/**
 * "Switch references": one commit that rewrites the lines still naming a rule's old path
 * (./references.ts finds them) to name the new one. The new tree is built in a temporary index
 * and shown as `git diff` first; the commit goes on the branch as every rename step does
 * (./atomic.ts: journal, compare-and-swap, then the files). A rule whose old path is still built
 * (an interim copy) keeps its lines unless the caller includes copied rules; a planned rule has
 * no new path to name yet. Lines naming the old path through a make variable are listed, never
 * rewritten (shared/rename/switch-refs.ts).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { quotePath } from '../../../shared/paths';
import type { RenameRule } from '../../../shared/rename/model';
import { KEPT_COPY, switchLine, switchTerms, type KeptRule, type LeftLine, type RefsSwitch, type SwitchedLine } from '../../../shared/rename/switch-refs';
import { fail, ok, type Result } from '../../../shared/result';
import type { PlanAccess } from '../context';
import { commitTree } from '../git/commit';
import { diffTrees } from '../git/diff';
import { storeFileAsBlob, unpackBlob } from '../git/merge-file';
import { editIndex, readTreeIntoIndex, writeTree, type IndexEdit, type TempIndex } from '../git/staging-index';
import { gitDir as gitDirOf } from '../git/rev-parse';
import { lsTree } from '../git/trees';
import { truncateDiff } from '../inventory/file-diff';
import { moveBranch } from './atomic';
import { checkpoint } from './checkpoint';
import { checkNamesFit, checkRepoState, checkTouchedPaths } from './guard';
import { scratchDir } from './journal';
import { withRenameLock } from './recover';
import { oldPathReferences } from './references';
import { planRules } from './rules';

export interface SwitchOptions {
  ruleId?: string;
  /** Switch the lines of interim copies too, whose old layout then no longer builds from them. */
  includeCopied?: boolean;
}

const PLANNED = (r: RenameRule): string =>
  `The rule ${quotePath(r.from)} -> ${quotePath(r.to)} is planned: ${quotePath(r.to)} does not exist yet, so no line may name it. Make the interim copy first (rename copy).`;

/** Which rules are switched, and which keep their lines and why; or a refusal in words. */
async function chooseRules(ctx: PlanAccess, opts: SwitchOptions): Promise<Result<{ rules: RenameRule[]; kept: KeptRule[] }>> {
  const all = (await planRules(ctx)).filter((r) => r.phase !== 'abandoned');
  const asked = opts.ruleId === undefined ? all : all.filter((r) => r.id === opts.ruleId);
  if (opts.ruleId !== undefined && asked.length === 0) {
    return fail('not-found', `There is no rename rule with id ${quotePath(opts.ruleId)} that is not abandoned: list the rules (rename list) to see their ids.`);
  }
  const rules: RenameRule[] = [];
  const kept: KeptRule[] = [];
  for (const r of asked) {
    if (r.phase === 'moved' || (r.phase === 'copied' && opts.includeCopied === true)) rules.push(r);
    else if (r.phase === 'copied') kept.push({ ruleId: r.id, from: r.from, to: r.to, why: KEPT_COPY });
    else if (opts.ruleId !== undefined) return fail('refused', PLANNED(r));
  }
  if (opts.ruleId !== undefined && rules.length === 0) {
    const r = asked[0] as RenameRule;
    return fail('refused', `The lines naming ${quotePath(r.from)} are kept: ${KEPT_COPY}.`);
  }
  return ok({ rules, kept });
}

/** Bytes as a string of one character each (latin1), so that a file in any encoding is written back byte for byte. */
const toBytes = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');
const fromBytes = (bytes: string): string => Buffer.from(bytes, 'latin1').toString('utf8');

/** Every switch of `rules` in HEAD's tree: the lines, those left, and the files' new contents. */
async function planSwitch(ctx: PlanAccess, head: string, gitDir: string, scratch: string, rules: RenameRule[]) {
  const found = await oldPathReferences(ctx);
  if (!found.ok) return found;
  const chosen = new Map(rules.map((r) => [r.id, { rule: r, terms: switchTerms(toBytes(r.from), toBytes(r.to)) }]));
  const hitsByFile = new Map<string, { ruleId: string; line: number; kind: SwitchedLine['kind'] }[]>();
  for (const refs of found.value) {
    if (!chosen.has(refs.ruleId)) continue;
    for (const ref of refs.references) hitsByFile.set(ref.path, [...(hitsByFile.get(ref.path) ?? []), { ruleId: refs.ruleId, line: ref.line, kind: ref.kind }]);
  }
  // Without paths ls-tree would list the whole tree.
  const entries = hitsByFile.size === 0 ? [] : await lsTree(ctx.repo, head, [...hitsByFile.keys()]);
  const lines: SwitchedLine[] = [];
  const left: LeftLine[] = [];
  const edits: IndexEdit[] = [];
  for (const entry of entries) {
    const hits = hitsByFile.get(entry.path);
    // A symbolic link or submodule names its target, not a line: only regular files are rewritten.
    if (!hits || entry.type !== 'blob' || !/^1006[0-7]{2}$/.test(entry.mode)) continue;
    const file = await unpackBlob(gitDir, scratch, entry.oid);
    const text = (await readFile(file)).toString('latin1').split('\n');
    for (const hit of hits) {
      const at = hit.line - 1;
      const before = text[at];
      if (before === undefined) continue;
      const { rule, terms } = chosen.get(hit.ruleId) as { rule: RenameRule; terms: ReturnType<typeof switchTerms> };
      const done = switchLine(before, terms, toBytes(rule.to));
      const where = { ruleId: hit.ruleId, path: entry.path, line: hit.line, kind: hit.kind };
      if (done.kind === 'left') left.push({ ...where, text: fromBytes(before), why: fromBytes(done.why) });
      else if (done.kind === 'switched') {
        text[at] = done.text;
        lines.push({ ...where, before: fromBytes(before), after: fromBytes(done.text) });
      }
    }
    if (!lines.some((l) => l.path === entry.path)) continue;
    await writeFile(file, Buffer.from(text.join('\n'), 'latin1'));
    edits.push({ path: entry.path, mode: entry.mode, oid: await storeFileAsBlob(ctx.repo, file) });
  }
  return ok({ lines, left, edits });
}

const message = (rules: RenameRule[], lines: number, files: number): string =>
  `${rules.length === 1 ? `Switch references from ${(rules[0] as RenameRule).from} to ${(rules[0] as RenameRule).to}` : `Switch references to ${rules.length} moved folders`}\n\n` +
  `Rewrites ${lines} line(s) in ${files} file(s) that named the old path:\n` +
  rules.map((r) => `  ${r.from} -> ${r.to}\n`).join('');

/**
 * Previews (`commit: false`) or makes the switch. The preview writes only blobs; the commit
 * refuses a dirty file it would rewrite, a merge in progress, a branch that moved meanwhile.
 */
export async function switchReferences(ctx: PlanAccess, opts: SwitchOptions, write: boolean): Promise<Result<RefsSwitch>> {
  // A preview writes blobs only, which no other operation minds: it does not wait for the lock.
  if (!write) return switchUnder(ctx, opts, false, await gitDirOf(ctx.repo));
  return withRenameLock<RefsSwitch>(ctx, (gitDir) => switchUnder(ctx, opts, true, gitDir));
}

async function switchUnder(ctx: PlanAccess, opts: SwitchOptions, write: boolean, gitDir: string): Promise<Result<RefsSwitch>> {
  {
    const state = await checkRepoState(ctx.repo);
    if (!state.ok) return state;
    const chosen = await chooseRules(ctx, opts);
    if (!chosen.ok) return chosen;
    const { rules, kept } = chosen.value;
    const scratch = await scratchDir(gitDir);
    let built: { tree: string; diff: string; truncated: boolean; lines: SwitchedLine[]; left: LeftLine[]; paths: string[] };
    try {
      const planned = await planSwitch(ctx, state.value.head, gitDir, scratch, rules);
      if (!planned.ok) return planned;
      const index: TempIndex = { file: path.join(scratch, 'index') };
      await readTreeIntoIndex(ctx.repo, index, state.value.head);
      await editIndex(ctx.repo, index, planned.value.edits);
      const tree = await writeTree(ctx.repo, index);
      const { text, truncated } = truncateDiff(await diffTrees(ctx.repo, state.value.head, tree));
      built = { tree, diff: text, truncated, lines: planned.value.lines, left: planned.value.left, paths: planned.value.edits.map((e) => e.path) };
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    const answer: RefsSwitch = { ruleIds: rules.map((r) => r.id), kept, lines: built.lines, left: built.left, diff: built.diff, truncated: built.truncated, commit: null };
    if (!write) return ok(answer);
    if (built.paths.length === 0) {
      const why = rules.length === 0 ? 'no moved rule (an interim copy keeps its lines unless you include copied rules)' : `no line can be rewritten${built.left.length > 0 ? ` (${built.left.length} left for you to rewrite by hand)` : ''}`;
      return fail('refused', `Nothing to switch: ${why}. Nothing was changed.`);
    }
    const touched = await checkTouchedPaths(ctx.repo, built.paths, { ignoredInTheWay: false });
    if (!touched.ok) return touched;
    const commit = await commitTree(ctx.repo, built.tree, [state.value.head], message(rules, built.lines.length, built.paths.length));
    const fits = await checkNamesFit(ctx.repo, gitDir, commit, state.value.head, built.paths);
    if (!fits.ok) return fits;
    checkpoint('switch-refs:built');
    const first = rules[0] as RenameRule;
    const moved = await moveBranch(ctx, {
      op: 'switch-refs',
      ruleId: first.id,
      branch: state.value.branch,
      before: state.value.head,
      after: commit,
      forward: true,
      paths: built.paths,
      rule: first,
      // The commit is the record: the rules' phases do not change.
      changes: [],
    }, gitDir);
    if (!moved.ok) return moved;
    return ok({ ...answer, commit });
  }
}
