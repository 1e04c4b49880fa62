import { afterEach, describe, expect, it } from 'vitest';
import type { PlanEvent } from '../../../shared/plan/events';
import { parseMessageLog, readMessages } from '../../../electron/core/git/log';
import { writeEmptyTree } from '../../../electron/core/git/trees';
import { commitPlanEvents, eventMessage, mergePlanRef, parseEventMessage, PLAN_REF, readPlanHead, updatePlanRef } from '../../../electron/core/plan/plan-ref';
import { cleanup, git, makeCommit, makeRepo, tempDir } from '../../helpers/repo';

const dirs: string[] = [];
afterEach(() => cleanup(...dirs.splice(0)));
const repo = (): string => {
  const r = makeRepo();
  dirs.push(r);
  makeCommit(r, { files: { 'README': 'hello\n', 'drivers/xen/core/evtchn.c': 'int x;\n' } });
  return r;
};

const event = (n: number, name = 'Keir Fraser'): PlanEvent => ({
  type: 'card.state',
  subsystemId: `s${n}`,
  state: 'Done',
  id: `2005-07-0${n}T10:00:00.000Z-abc${n}`,
  at: `2005-07-0${n}T10:00:00.000Z`,
  by: { name, email: 'keir@xensource.com' },
});

describe('plan log parsing', () => {
  it('splits git log -z output into commits with parents and messages', () => {
    const out = 'c2\0c1\0plan: card.state by Ada\n\n{"a":1}\n\0m1\0c2 c9\0plan: merge\n\0c1\0\0first\n\0';
    expect(parseMessageLog(out)).toEqual([
      { commit: 'c2', parents: ['c1'], message: 'plan: card.state by Ada\n\n{"a":1}\n' },
      { commit: 'm1', parents: ['c2', 'c9'], message: 'plan: merge\n' },
      { commit: 'c1', parents: [], message: 'first\n' },
    ]);
    expect(parseMessageLog('')).toEqual([]);
  });

  it('reads the JSON after the summary line, and says when there is none', () => {
    expect(parseEventMessage(eventMessage(event(1)))).toEqual({ ok: true, value: JSON.parse(JSON.stringify(event(1))) });
    expect(parseEventMessage('plan: merge\n').ok).toBe(false);
    const broken = parseEventMessage('plan: x\n\n{"a":');
    expect(broken.ok ? '' : broken.error.message).toMatch(/not valid JSON/);
  });
});

describe('plan ref in a real repository', () => {
  it('appends events as commits with the empty tree, the actor as author and the event time as date', async () => {
    const r = repo();
    const tree = await writeEmptyTree(r);
    expect(tree).toBe(git(r, ['hash-object', '-t', 'tree', '/dev/null']).trim());
    expect(await readPlanHead(r)).toBe('');
    const head = await commitPlanEvents(r, [event(1), event(2, 'Ian Pratt')], '', tree);
    expect(await updatePlanRef(r, head, '')).toBe('updated');
    expect(git(r, ['rev-parse', PLAN_REF]).trim()).toBe(head);
    expect(git(r, ['rev-list', '--count', PLAN_REF]).trim()).toBe('2');
    expect(git(r, ['log', '-1', '--format=%an <%ae> %at %T', PLAN_REF]).trim()).toBe(`Ian Pratt <keir@xensource.com> ${Date.parse(event(2).at) / 1000} ${tree}`);
    const commits = await readMessages(r, head);
    expect(commits.map((c) => JSON.parse(c.message.split('\n\n')[1]!).id)).toEqual([event(2).id, event(1).id]);
  });

  it('commits for any actor and clock: git gets a clean identity and a date it accepts, the JSON keeps the truth', async () => {
    const r = repo();
    const tree = await writeEmptyTree(r);
    const odd: PlanEvent = { ...event(1), at: '2205-01-01T00:00:00.000Z', by: { name: '<Zoë> "Ü"\n', email: ' z <at> x ' } };
    const head = await commitPlanEvents(r, [odd], '', tree);
    // <, > and the newline become spaces; git itself drops the trailing quote ("crud" at the ends).
    expect(git(r, ['log', '-1', '--format=%an|%ae|%at', head]).trim()).toBe('Zoë  "Ü|zatx|4102444799');
    const [commit] = await readMessages(r, head);
    expect(parseEventMessage(commit!.message)).toEqual({ ok: true, value: JSON.parse(JSON.stringify(odd)) });
  });

  it('never touches the working tree, the index or HEAD', async () => {
    const r = repo();
    const headBefore = git(r, ['rev-parse', 'HEAD']);
    const indexBefore = git(r, ['ls-files', '--stage', '--debug']);
    const tree = await writeEmptyTree(r);
    const head = await commitPlanEvents(r, [event(1)], '', tree);
    await updatePlanRef(r, head, '');
    expect(git(r, ['status', '--porcelain', '--untracked-files=all', '--ignored'])).toBe('');
    expect(git(r, ['ls-files', '--stage', '--debug'])).toBe(indexBefore);
    expect(git(r, ['rev-parse', 'HEAD'])).toBe(headBefore);
    expect(git(r, ['symbolic-ref', 'HEAD']).trim()).toBe('refs/heads/main');
    expect(git(r, ['fsck', '--strict', '--no-dangling'])).toBe('');
  });

  it('refuses to move the ref from a head it is no longer at', async () => {
    const r = repo();
    const tree = await writeEmptyTree(r);
    const first = await commitPlanEvents(r, [event(1)], '', tree);
    await updatePlanRef(r, first, '');
    const a = await commitPlanEvents(r, [event(2)], first, tree);
    const b = await commitPlanEvents(r, [event(3)], first, tree);
    expect(await updatePlanRef(r, a, first)).toBe('updated');
    expect(await updatePlanRef(r, b, first)).toBe('moved');
    expect(await updatePlanRef(r, b, '')).toBe('moved');
    expect(git(r, ['rev-parse', PLAN_REF]).trim()).toBe(a);
  });

  it('merges a colleague\'s log fetched from their clone: both sides\' events kept', async () => {
    const origin = repo();
    const tree = await writeEmptyTree(origin);
    const base = await commitPlanEvents(origin, [event(1)], '', tree);
    await updatePlanRef(origin, base, '');
    const clone = tempDir();
    dirs.push(clone);
    git(clone, ['clone', '-q', origin, clone]);
    git(clone, ['fetch', '-q', 'origin', `${PLAN_REF}:${PLAN_REF}`]);
    // Each side adds an event on top of the shared one.
    const ours = await commitPlanEvents(clone, [event(2, 'Clone')], base, tree);
    await updatePlanRef(clone, ours, base);
    const theirs = await commitPlanEvents(origin, [event(3, 'Origin')], base, tree);
    await updatePlanRef(origin, theirs, base);
    git(clone, ['fetch', '-q', 'origin', `${PLAN_REF}:refs/merge-sprint/remotes/origin/plan`]);
    const merged = await mergePlanRef(clone, 'refs/merge-sprint/remotes/origin/plan', { name: 'Clone', email: '' });
    expect(merged.ok && merged.value.outcome).toBe('merged');
    const head = git(clone, ['rev-parse', PLAN_REF]).trim();
    expect(git(clone, ['rev-list', '--parents', '-1', head]).trim().split(' ').slice(1).sort()).toEqual([ours, theirs].sort());
    const ids = (await readMessages(clone, head)).flatMap((c) => {
      const json = parseEventMessage(c.message);
      return json.ok ? [(json.value as PlanEvent).id] : [];
    });
    expect(ids.sort()).toEqual([event(1).id, event(2).id, event(3).id]);
    // Pushing the merge back fast-forwards the origin's log; merging again changes nothing.
    git(clone, ['push', '-q', 'origin', `${PLAN_REF}:refs/merge-sprint/remotes/clone/plan`]);
    const back = await mergePlanRef(origin, 'refs/merge-sprint/remotes/clone/plan');
    expect(back.ok && back.value).toEqual({ head, outcome: 'fast-forward' });
    const again = await mergePlanRef(origin, 'refs/merge-sprint/remotes/clone/plan');
    expect(again.ok && again.value.outcome).toBe('up-to-date');
    expect(git(origin, ['status', '--porcelain'])).toBe('');
  });

  it('refuses to merge a ref that is not a plan, an unknown ref, or an option', async () => {
    const r = repo();
    const branch = await mergePlanRef(r, 'main');
    expect(branch.ok ? null : branch.error.code).toBe('refused');
    const unknown = await mergePlanRef(r, 'refs/merge-sprint/remotes/nobody/plan');
    expect(unknown.ok ? null : unknown.error.code).toBe('unknown-ref');
    const option = await mergePlanRef(r, '--all');
    expect(option.ok ? null : option.error.code).toBe('bad-input');
    expect(await readPlanHead(r)).toBe('');
  });
});
