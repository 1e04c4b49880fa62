import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanSnapshot } from '../../../shared/api';
import { emptyPlan, type Person, type Subsystem } from '../../../shared/model';
import type { ClientCommand, PlanEvent } from '../../../shared/plan/events';
import { foldEvents } from '../../../shared/plan/fold';
import { mergePlanRef, PLAN_REF } from '../../../electron/core/plan/plan-ref';
import { git } from '../../helpers/repo';
import { planStoreFixture } from '../../helpers/plan-store';

const fx = planStoreFixture();
const repo = (): string => fx.repo({ 'README': 'hello\n', 'drivers/xen/core/evtchn.c': 'int x;\n' });
const open = fx.open;

const ada = { name: 'Ada', email: 'ada@example.org' };
const person = (id: string, name = id): Person => ({ id, name, email: `${id}@example.org`, color: '#1f6feb' });
const sub = (id: string, files: string[], extra: Partial<Subsystem> = {}): Subsystem => ({
  id, name: id, files, source: { kind: 'manual' }, owner: null, state: 'Backlog', blocked: null, ...extra,
});
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
/** The events in the plan log, read back with git itself. */
const loggedEvents = (r: string): PlanEvent[] =>
  git(r, ['log', '-z', '--format=%B', PLAN_REF]).split('\0').filter((m) => m.includes('\n\n')).map((m) => JSON.parse(m.split('\n\n')[1]!) as PlanEvent);

describe('plan store', () => {
  it('starts empty, saves a change, and reads the same plan when reopened', async () => {
    const r = repo();
    const store = await open(r);
    expect(await store.snapshot()).toEqual({ plan: emptyPlan(), activity: [] });
    const after = must(await store.change({ type: 'person.put', person: person('keir', 'Keir') }, ada));
    expect(after.plan.people.keir?.name).toBe('Keir');
    expect(after.plan.head).toBe(git(r, ['rev-parse', PLAN_REF]).trim());
    const reopened = await open(r);
    expect(await reopened.snapshot()).toEqual({ plan: after.plan, activity: after.activity });
    expect(after.activity.map((e) => [e.type, e.by])).toEqual([['person.put', ada]]);
    // What the change appended, from the empty plan to the new head: the one event, as pushed.
    expect(after.news).toEqual({ type: 'plan.events', from: emptyPlan().head, to: after.plan.head, events: [after.activity[0]] });
  });

  it('equals the fold of the events git holds, and lists activity newest first without file lists', async () => {
    const r = repo();
    const store = await open(r);
    must(await store.change({ type: 'subsystems.replace', subsystems: [sub('core', ['a', 'b']), sub('net', ['c'])] }, ada));
    must(await store.change({ type: 'card.state', subsystemId: 'net', state: 'Review' }, ada));
    const snap = await store.snapshot();
    const events = loggedEvents(r);
    expect(snap.plan).toEqual({ ...foldEvents(events).plan, head: snap.plan.head });
    expect(snap.activity.map((e) => e.type)).toEqual(['card.state', 'subsystems.replace']);
    const replace = snap.activity[1] as Extract<PlanEvent, { type: 'subsystems.replace' }>;
    expect(replace.subsystems.map((s) => [s.id, s.files])).toEqual([['core', []], ['net', []]]);
    expect(snap.plan.subsystems.core?.files).toEqual(['a', 'b']);
  });

  it('refuses a change the plan does not allow and writes nothing', async () => {
    const r = repo();
    const store = await open(r);
    must(await store.change({ type: 'subsystems.replace', subsystems: [sub('core', ['a'])] }, ada));
    const head = git(r, ['rev-parse', PLAN_REF]);
    const refused = await store.change({ type: 'card.assign', subsystemId: 'core', owner: 'nobody' }, ada);
    expect(refused.ok ? null : refused.error.code).toBe('not-found');
    const malformed = await store.change({ type: 'card.state', subsystemId: 'core', state: 'Sleeping' } as unknown as ClientCommand, ada);
    expect(malformed.ok ? null : malformed.error.code).toBe('bad-input');
    expect(git(r, ['rev-parse', PLAN_REF])).toBe(head);
  });

  it('saves several changes all or none', async () => {
    const r = repo();
    const store = await open(r);
    const bad = await store.changeAll([{ type: 'person.put', person: person('a') }, { type: 'card.state', subsystemId: 'zed', state: 'Done' }], ada);
    expect(bad.ok ? '' : bad.error.message).toMatch(/^Change 2 of 2 \(card\.state\)/);
    expect(git(r, ['for-each-ref', 'refs/merge-sprint'])).toBe('');
    const good = must(await store.changeAll([{ type: 'person.put', person: person('a') }, { type: 'person.put', person: person('b') }], ada));
    expect(good.plan.personOrder).toEqual(['a', 'b']);
    expect(git(r, ['rev-list', '--count', PLAN_REF]).trim()).toBe('2');
  });

  it('leaves the working tree, the index and HEAD alone', async () => {
    const r = repo();
    writeFileSync(path.join(r, 'README'), 'uncommitted edit\n');
    const status = git(r, ['status', '--porcelain']);
    const index = statSync(path.join(r, '.git', 'index'));
    const headBefore = git(r, ['rev-parse', 'HEAD']);
    const store = await open(r);
    for (let i = 0; i < 5; i++) must(await store.change({ type: 'person.put', person: person(`p${i}`) }, ada));
    const indexAfter = statSync(path.join(r, '.git', 'index'));
    expect([indexAfter.mtimeMs, indexAfter.size, indexAfter.ino]).toEqual([index.mtimeMs, index.size, index.ino]);
    expect(git(r, ['status', '--porcelain'])).toBe(status);
    expect(git(r, ['rev-parse', 'HEAD'])).toBe(headBefore);
    git(r, ['checkout', '--', 'README']);
    expect(git(r, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
  });

  it('keeps both stores\' changes when they race on one repository', async () => {
    const r = repo();
    const [a, b] = [await open(r), await open(r)];
    const writes = [];
    for (let i = 0; i < 8; i++) {
      writes.push(a.change({ type: 'person.put', person: person(`a${i}`) }, { name: 'A', email: '' }));
      writes.push(b.change({ type: 'person.put', person: person(`b${i}`) }, { name: 'B', email: '' }));
    }
    for (const w of await Promise.all(writes)) must(w);
    const expected = [...Array(8).keys()].flatMap((i) => [`a${i}`, `b${i}`]).sort();
    expect(Object.keys((await a.snapshot()).plan.people).sort()).toEqual(expected);
    expect(await b.snapshot()).toEqual(await a.snapshot());
    expect(git(r, ['rev-list', '--count', '--no-merges', PLAN_REF]).trim()).toBe('16');
    expect(git(r, ['rev-list', '--count', '--merges', PLAN_REF]).trim()).toBe('0');
  });

  it('checks a change again on what another store wrote meanwhile', async () => {
    const r = repo();
    const [a, b] = [await open(r), await open(r)];
    must(await a.change({ type: 'subsystems.replace', subsystems: [sub('core', ['x']), sub('net', ['y'])] }, ada));
    await b.snapshot();
    must(await a.change({ type: 'subsystem.merge', subsystemIds: ['core', 'net'], into: 'core' }, ada));
    const stale = await b.change({ type: 'card.state', subsystemId: 'net', state: 'Done' }, ada);
    expect(stale.ok ? null : stale.error.code).toBe('not-found');
  });

  it('tells listeners about changes made here and by another process, once per head', async () => {
    const r = repo();
    const store = await open(r);
    const seen: PlanSnapshot[] = [];
    let wake: () => void = () => undefined;
    store.onChange((s) => {
      seen.push(s);
      wake();
    });
    const next = () => new Promise<void>((resolve) => (wake = resolve));
    must(await store.change({ type: 'subsystems.replace', subsystems: [sub('core', ['x'])] }, ada));
    expect(seen.map((s) => s.plan.head)).toEqual([git(r, ['rev-parse', PLAN_REF]).trim()]);

    // Another process: the git command line, writing an event commit and moving the ref.
    const event = { type: 'card.state', subsystemId: 'core', state: 'Review', id: '2099-01-01T00:00:00.000Z-cli', at: '2099-01-01T00:00:00.000Z', by: { name: 'CLI', email: '' } };
    const parent = git(r, ['rev-parse', PLAN_REF]).trim();
    const emptyTree = git(r, ['mktree'], { input: '' }).trim();
    const commit = git(r, ['commit-tree', '-p', parent, '-F', '-', emptyTree], { input: `plan: card.state\n\n${JSON.stringify(event)}\n` }).trim();
    const heard = next();
    git(r, ['update-ref', PLAN_REF, commit, parent]);
    await heard;
    expect(seen.at(-1)?.plan.head).toBe(commit);
    expect(seen.at(-1)?.plan.subsystems.core?.state).toBe('Review');

    // A second store (a second window or the merge-sprint CLI) writing the same repository.
    const other = await fx.open(r);
    const heardOther = next();
    must(await other.change({ type: 'card.state', subsystemId: 'core', state: 'Done' }, ada));
    other.close();
    await heardOther;
    expect(seen.at(-1)?.plan.subsystems.core?.state).toBe('Done');
    const heads = seen.map((s) => s.plan.head);
    expect(new Set(heads).size).toBe(heads.length);
  });

  it('merges two laptops\' divergent plans fetched from each other: neither edit is lost', async () => {
    const origin = repo();
    const here = await open(origin);
    must(await here.change({ type: 'subsystems.replace', subsystems: [sub('core', ['x']), sub('net', ['y'])] }, ada));
    const clone = fx.cloneWithPlan(origin);
    const there = await open(clone);
    must(await here.change({ type: 'card.state', subsystemId: 'core', state: 'Review' }, ada));
    must(await there.change({ type: 'subsystem.rename', subsystemId: 'net', name: 'Networking' }, { name: 'Ian', email: '' }));
    must(await here.change({ type: 'card.state', subsystemId: 'net', state: 'Done' }, ada));
    const heard = new Promise<PlanSnapshot>((resolve) => there.onChange(resolve));
    must(await mergePlanRef(clone, fx.fetchPlan(clone)));
    const merged = await heard;
    expect(merged.plan.subsystems.core?.state).toBe('Review');
    expect(merged.plan.subsystems.net).toMatchObject({ name: 'Networking', state: 'Done' });
    expect(merged.activity.map((e) => e.type)).toEqual(['card.state', 'subsystem.rename', 'card.state', 'subsystems.replace']);
    expect(await (await open(clone)).snapshot()).toEqual(await there.snapshot());
    expect(await there.problems()).toEqual([]);
  });

  it('reports, and leaves out, an edit the other laptop\'s log made impossible', async () => {
    const origin = repo();
    const here = await open(origin);
    must(await here.change({ type: 'subsystems.replace', subsystems: [sub('core', ['x']), sub('net', ['y'])] }, ada));
    const clone = fx.cloneWithPlan(origin);
    const there = await open(clone);
    must(await here.change({ type: 'subsystem.merge', subsystemIds: ['core', 'net'], into: 'core' }, ada));
    must(await there.change({ type: 'subsystem.rename', subsystemId: 'net', name: 'Networking' }, ada));
    must(await mergePlanRef(clone, fx.fetchPlan(clone)));
    const { plan, activity } = await there.snapshot();
    expect(plan.subsystemOrder).toEqual(['core']);
    expect(activity.map((e) => e.type)).toEqual(['subsystem.merge', 'subsystems.replace']);
    const problems = await there.problems();
    expect(problems).toHaveLength(1);
    expect(problems[0]?.reason).toMatch(/no subsystem with id "net"/);
  });

  it('hears of a plan that appears after it opened (first commit made by another process)', async () => {
    const r = repo();
    const store = await open(r);
    const heard = new Promise<PlanSnapshot>((resolve) => store.onChange(resolve));
    const other = await fx.open(r);
    must(await other.change({ type: 'person.put', person: person('late') }, ada));
    other.close();
    expect((await heard).plan.people.late?.id).toBe('late');
  });
});
