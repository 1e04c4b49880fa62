/**
 * The main process's routing without Electron: windows on repositories, one context per
 * repository shared by its windows, pushes to exactly the windows showing it, and the calls only
 * the app answers (app.info, repo.open, repo.openDemo).
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OWNER } from '../../shared/access';
import type { Channel, Push } from '../../shared/api';
import { fail, ok, type Result } from '../../shared/result';
import type { RepoServices } from '../../electron/core/context';
import type { featureHandlers } from '../../electron/core/host/features';
import { createLru } from '../../electron/core/host/lru';
import { createRunRegistry } from '../../electron/core/host/runs';
import { Workspace, type AppHooks } from '../../electron/shell/workspace';
import { cleanup, tempDir } from '../helpers/repo';

interface Harness {
  workspace: Workspace;
  opened: string[];
  closed: string[];
  /** Each repository's push function, as the context opener received it. */
  pushers: Map<string, (push: Push) => void>;
  dispatched: Array<{ repo: string; channel: Channel; request: unknown }>;
  shownInWindow: Array<[number, string]>;
  received: Map<number, Push[]>;
  addWindow(id: number): void;
}

const snapshotPush = (commit: string): Push => ({ type: 'plan.events', from: null, to: commit, events: [] });

function harness(dir: string, opts: { failing?: Set<string>; demo?: Result<string>; gate?: Promise<void> } = {}): Harness {
  const h: Harness = {
    opened: [],
    closed: [],
    pushers: new Map(),
    dispatched: [],
    shownInWindow: [],
    received: new Map(),
    workspace: undefined as unknown as Workspace,
    addWindow(id) {
      h.received.set(id, []);
      h.workspace.addWindow({ id, send: (push) => h.received.get(id)?.push(push) });
    },
  };
  const hooks: AppHooks = {
    recent: () => ['/repos/previous'],
    opened: (windowId, repo) => h.shownInWindow.push([windowId, repo]),
    demoRepository: async () => opts.demo ?? ok(path.join(dir, 'demo')),
  };
  h.workspace = new Workspace(
    async (repo, push) => {
      h.opened.push(repo);
      await opts.gate;
      if (opts.failing?.has(repo)) return fail('not-a-repository', `${repo} is not a git repository.`);
      h.pushers.set(repo, push);
      const context: RepoServices = {
        repo,
        client: OWNER,
        actor: { name: `Owner of ${path.basename(repo)}`, email: 'owner@example.org' },
        plan: undefined as unknown as RepoServices['plan'],
        sync: undefined as unknown as RepoServices['sync'],
        push,
        subscribe: () => () => undefined,
        builds: createRunRegistry(),
        seriesRuns: createRunRegistry(),
        caches: { inventoryFiles: createLru(1), inventoriesInFlight: new Map(), forkPaths: createLru(1), destinationBefore: createLru(1), seriesNumstat: createLru(1), seriesFileBytes: createLru(1), teamWork: createLru(1), seriesApplies: createLru(1), planEvents: createLru(1) },
        recovery: null,
        dispose: () => h.closed.push(repo),
      };
      return ok(context);
    },
    hooks,
    // Every repository call is answered by a stand-in that records which repository it reached.
    new Proxy({} as typeof featureHandlers, {
      get: (_target, channel) => async (ctx: RepoServices, request: unknown) => {
        h.dispatched.push({ repo: ctx.repo, channel: channel as Channel, request });
        return ok({ answeredFor: ctx.repo, channel });
      },
    }),
  );
  return h;
}

describe('Workspace', () => {
  let dir: string;
  let linux: string;
  let xen: string;
  beforeEach(() => {
    dir = tempDir('merge-sprint-workspace-');
    linux = path.join(dir, 'linux');
    xen = path.join(dir, 'xen');
    mkdirSync(linux);
    mkdirSync(xen);
  });
  afterEach(() => cleanup(dir));

  it('opens one context per repository, shared by all its windows, however the path is spelled', async () => {
    const h = harness(dir);
    h.addWindow(1);
    h.addWindow(2);
    symlinkSync(linux, path.join(dir, 'linux-link'));
    expect((await h.workspace.show(1, linux)).ok).toBe(true);
    expect((await h.workspace.show(2, path.join(dir, 'linux-link'))).ok).toBe(true);
    expect(h.opened).toEqual([linux]);
    expect(h.workspace.windowsShowing(linux)).toEqual([1, 2]);
    expect(await h.workspace.windowShowing(path.join(dir, 'xen', '..', 'linux'))).toBe(1);
    expect(h.shownInWindow).toEqual([
      [1, linux],
      [2, linux],
    ]);
  });

  it('pushes a change to every window showing that repository and to no other', async () => {
    const h = harness(dir);
    for (const id of [1, 2, 3]) h.addWindow(id);
    await h.workspace.show(1, linux);
    await h.workspace.show(2, linux);
    await h.workspace.show(3, xen);
    const change = snapshotPush('abc123');
    h.pushers.get(linux)?.(change);
    expect(h.received.get(1)).toEqual([change]);
    expect(h.received.get(2)).toEqual([change]);
    expect(h.received.get(3)).toEqual([]);
  });

  it('closes a repository\'s context when its last window closes or moves on', async () => {
    const h = harness(dir);
    h.addWindow(1);
    h.addWindow(2);
    await h.workspace.show(1, linux);
    await h.workspace.show(2, linux);
    h.workspace.removeWindow(1);
    await Promise.resolve();
    expect(h.closed).toEqual([]);
    await h.workspace.show(2, xen);
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.closed).toEqual([linux]);
    // A later window on the same repository gets a fresh context.
    h.addWindow(3);
    await h.workspace.show(3, linux);
    expect(h.opened).toEqual([linux, xen, linux]);
  });

  it('routes a window\'s call to its own repository\'s context', async () => {
    const h = harness(dir);
    h.addWindow(1);
    h.addWindow(2);
    await h.workspace.show(1, linux);
    await h.workspace.show(2, xen);
    expect(await h.workspace.call(2, 'plan.get', {})).toEqual(ok({ answeredFor: xen, channel: 'plan.get' }));
    expect(h.dispatched).toEqual([{ repo: xen, channel: 'plan.get', request: {} }]);
  });

  it('makes a call wait while the window\'s repository is still opening', async () => {
    const h = harness(dir);
    h.addWindow(1);
    const showing = h.workspace.show(1, linux);
    const answer = h.workspace.call(1, 'inventory.get', {});
    await showing;
    expect(await answer).toEqual(ok({ answeredFor: linux, channel: 'inventory.get' }));
  });

  it('refuses unknown channels and calls from a window with no repository, as values', async () => {
    const h = harness(dir);
    h.addWindow(1);
    const unknown = await h.workspace.call(1, 'fs.readFile', { path: '/etc/passwd' });
    expect(unknown.ok ? null : unknown.error.code).toBe('bad-input');
    expect((await h.workspace.call(1, 42, {})).ok).toBe(false);
    const none = await h.workspace.call(1, 'plan.get', {});
    expect(none.ok ? null : none.error.code).toBe('refused');
    expect(h.dispatched).toEqual([]);
  });

  it('answers app.info for the window: its repository, the recent list, the acting person', async () => {
    const h = harness(dir);
    h.addWindow(1);
    expect(await h.workspace.call(1, 'app.info', {})).toEqual(
      ok({ mode: 'electron', repoPath: null, recent: ['/repos/previous'], actor: { name: 'Merge Sprint user', email: '' }, canOpen: true, allowRepoChanges: true }),
    );
    await h.workspace.show(1, linux);
    const info = await h.workspace.call(1, 'app.info', {});
    expect(info).toMatchObject(ok({ repoPath: linux, actor: { name: 'Owner of linux' } }));
  });

  it('repo.open switches the window to the repository and answers its summary', async () => {
    const h = harness(dir);
    h.addWindow(1);
    await h.workspace.show(1, linux);
    const answer = await h.workspace.call(1, 'repo.open', { path: xen });
    expect(answer).toEqual(ok({ answeredFor: xen, channel: 'repo.summary' }));
    expect(h.workspace.repoOf(1)).toBe(xen);
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.closed).toEqual([linux]);
  });

  it('repo.open of something that is not a repository keeps the window where it was', async () => {
    const bad = path.join(dir, 'not-a-repo');
    mkdirSync(bad);
    const h = harness(dir, { failing: new Set([bad]) });
    h.addWindow(1);
    await h.workspace.show(1, linux);
    const answer = await h.workspace.call(1, 'repo.open', { path: bad });
    expect(answer.ok ? null : answer.error.code).toBe('not-a-repository');
    expect(h.workspace.repoOf(1)).toBe(linux);
    const invalid = await h.workspace.call(1, 'repo.open', { path: 17 });
    expect(invalid.ok ? null : invalid.error.code).toBe('bad-input');
  });

  it('repo.openDemo opens the demo repository in the window, or says why it could not', async () => {
    const demo = path.join(dir, 'demo');
    mkdirSync(demo);
    const h = harness(dir);
    h.addWindow(1);
    expect(await h.workspace.call(1, 'repo.openDemo', {})).toEqual(ok({ answeredFor: demo, channel: 'repo.summary' }));
    expect(h.workspace.repoOf(1)).toBe(demo);
    const broken = harness(dir, { demo: fail('internal', 'The disk is full.') });
    broken.addWindow(1);
    expect(await broken.workspace.call(1, 'repo.openDemo', {})).toEqual(fail('internal', 'The disk is full.'));
  });

  it('drops a window that closed while its repository was opening, and closes the context', async () => {
    let openNow = () => {};
    const h = harness(dir, { gate: new Promise<void>((resolve) => (openNow = resolve)) });
    h.addWindow(1);
    const showing = h.workspace.show(1, linux);
    while (h.opened.length === 0) await new Promise((resolve) => setImmediate(resolve));
    h.workspace.removeWindow(1);
    openNow();
    const shown = await showing;
    expect(shown.ok).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.closed).toEqual([linux]);
    expect(h.workspace.windowsShowing(linux)).toEqual([]);
  });

  it('turns a context opener that throws into an error value', async () => {
    const workspace = new Workspace(
      async () => {
        throw new Error('disk on fire');
      },
      { recent: () => [], opened: () => {}, demoRepository: async () => ok('/d') },
    );
    workspace.addWindow({ id: 1, send: () => {} });
    const shown = await workspace.show(1, linux);
    expect(shown.ok ? null : shown.error.message).toMatch(/disk on fire/);
  });
});
