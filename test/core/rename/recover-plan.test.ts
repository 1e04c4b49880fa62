/**
 * A step whose commit is on the branch but whose plan write fails (the plan's ref locked, a full
 * disk) keeps its journal until the plan says what git says: the next rename command or the next
 * opening records it, and other rules can then be copied.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { PlanStore } from '../../../electron/core/context';
import { openRepoServices } from '../../../electron/core/host/services';
import { LOCK_MESSAGE } from '../../../electron/core/plan/plan-ref';
import { openPlanStore } from '../../../electron/core/plan/store';
import type { PlanAccess } from '../../../electron/core/context';
import { copyRules } from '../../../electron/core/rename/copy';
import { recoverRenames } from '../../../electron/core/rename/recover';
import { addRule } from '../../../electron/core/rename/rules';
import type { Actor } from '../../../shared/model';
import { fail } from '../../../shared/result';
import { cleanup } from '../../helpers/repo';
import { crashAt } from './crash';
import { DST, SRC, head, makeXenRepo, statusZ, subject } from './fixture';

const ACTOR = { name: 'Ada', email: 'ada@example.org' };
const repos: string[] = [];
const stores: PlanStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  cleanup(...repos.splice(0));
});

const journalFile = (repo: string): string => path.join(repo, '.git', 'merge-sprint', 'rename-journal.json');

/** The real plan store, whose writes fail (as with its ref locked) while `broken` is set. */
function breakable(store: PlanStore): PlanStore & { broken: boolean } {
  const refused = () => Promise.resolve(fail('conflict', LOCK_MESSAGE));
  const wrapped = {
    broken: false,
    repo: store.repo,
    snapshot: () => store.snapshot(),
    change: (...args: Parameters<PlanStore['change']>) => (wrapped.broken ? refused() : store.change(...args)),
    changeAll: (...args: Parameters<PlanStore['changeAll']>) => (wrapped.broken ? refused() : store.changeAll(...args)),
    record: (...args: Parameters<PlanStore['record']>) => (wrapped.broken ? refused() : store.record(...args)),
    recordAll: (...args: Parameters<PlanStore['recordAll']>) => (wrapped.broken ? refused() : store.recordAll(...args)),
    history: (actor: Actor) => store.history(actor),
    onChange: (listener: Parameters<PlanStore['onChange']>[0]) => store.onChange(listener),
    close: () => store.close(),
  };
  return wrapped;
}

/** A repository with two planned rules, and a context whose plan can be broken. */
async function twoRules() {
  const repo = makeXenRepo();
  repos.push(repo);
  const store = await openPlanStore(repo);
  stores.push(store);
  const plan = breakable(store);
  const ctx: PlanAccess & { plan: typeof plan } = { repo, actor: ACTOR, plan };
  const first = await addRule(ctx, SRC, DST);
  const second = await addRule(ctx, 'kernel', 'core/kernel');
  if (!first.ok || !second.ok) throw new Error('rules refused');
  return { repo, ctx, first: first.value.rule.id, second: second.value.rule.id, start: head(repo) };
}

const phaseOf = async (ctx: PlanAccess, id: string) => (await ctx.plan.snapshot()).plan.renames[id];

/** A copy killed once its commit is on the branch, then recovered while the plan cannot be written. */
async function recoveredWithoutPlan() {
  const f = await twoRules();
  await crashAt('copy:after-ref', () => copyRules(f.ctx, { ruleIds: [f.first] }));
  const copyCommit = head(f.repo);
  expect(subject(f.repo)).toBe(`Interim copy: ${SRC} -> ${DST}`);
  f.ctx.plan.broken = true;
  const recovered = await recoverRenames(f.ctx);
  if (!recovered.ok) throw new Error(recovered.error.message);
  expect(recovered.value.journal).toMatchObject({ ruleId: f.first, outcome: 'unfinished' });
  expect(recovered.value.journal?.problem).toContain(LOCK_MESSAGE);
  // Git and the files have the copy; the plan does not yet, so the journal stays.
  expect(existsSync(journalFile(f.repo))).toBe(true);
  expect((await phaseOf(f.ctx, f.first))?.phase).toBe('planned');
  expect(statusZ(f.repo)).toBe('');
  return { ...f, copyCommit };
}

test('recovery keeps its journal while the plan cannot be written; the next command records the copy and copies another rule', async () => {
  const f = await recoveredWithoutPlan();
  const refused = await copyRules(f.ctx, { ruleIds: [f.second] });
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.error.message).toMatch(/^Could not finish the interim copy of "arch\/xen\/kernel" -> "drivers\/xen\/core": .*plan/);
  expect(head(f.repo)).toBe(f.copyCommit);

  f.ctx.plan.broken = false;
  const copied = await copyRules(f.ctx, { ruleIds: [f.second] });
  expect(copied.ok).toBe(true);
  expect(await phaseOf(f.ctx, f.first)).toMatchObject({ phase: 'copied', copyCommit: f.copyCommit });
  expect(await phaseOf(f.ctx, f.second)).toMatchObject({ phase: 'copied', copyCommit: head(f.repo) });
  expect(head(f.repo) === f.copyCommit).toBe(false);
  expect(existsSync(journalFile(f.repo))).toBe(false);
  expect(statusZ(f.repo)).toBe('');
});

test('the next opening records a copy whose recovery could not write the plan', async () => {
  const f = await recoveredWithoutPlan();
  f.ctx.plan.close();
  const log: string[] = [];
  const opened = await openRepoServices(f.repo, { actor: ACTOR, log: (line) => log.push(line) });
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    expect(opened.value.recovery?.journal).toMatchObject({ ruleId: f.first, outcome: 'completed' });
    expect(log[0]).toMatch(/^Finished the interrupted interim copy of "arch\/xen\/kernel" -> "drivers\/xen\/core"/);
    expect((await opened.value.plan.snapshot()).plan.renames[f.first]).toMatchObject({ phase: 'copied', copyCommit: f.copyCommit });
    expect(existsSync(journalFile(f.repo))).toBe(false);
  } finally {
    opened.value.dispose();
  }
});

test('a copy whose own plan write fails keeps its journal, says so, and the next command records it', async () => {
  const f = await twoRules();
  f.ctx.plan.broken = true;
  const failed = await copyRules(f.ctx, { ruleIds: [f.first] });
  expect(failed.ok).toBe(false);
  if (!failed.ok) expect(failed.error.message).toMatch(/^The commit is on the branch, but the plan could not record it: .* The next rename command, or opening the repository, records it/);
  const copyCommit = head(f.repo);
  expect(copyCommit === f.start).toBe(false);
  expect(existsSync(journalFile(f.repo))).toBe(true);
  expect(statusZ(f.repo)).toBe('');

  f.ctx.plan.broken = false;
  expect((await copyRules(f.ctx, { ruleIds: [f.second] })).ok).toBe(true);
  expect(await phaseOf(f.ctx, f.first)).toMatchObject({ phase: 'copied', copyCommit });
  expect((await phaseOf(f.ctx, f.second))?.phase).toBe('copied');
  expect(existsSync(journalFile(f.repo))).toBe(false);
});
