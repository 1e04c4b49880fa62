/**
 * Which window shows which repository, one SprintContext per repository shared by all its
 * windows, and the routing of an API call from a window to that context. Pushes (the plan
 * store's changes, build and series logs) go to every window showing the repository, so a second
 * window shows a change made in the first, in a browser on the room server or on the command line.
 * No `electron` import: windows are reached through `WindowSink`, so this is tested in Node.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { contract, isChannel, type AppInfo, type Channel, type Push } from '../../shared/api';
import { fail, ok, type Result } from '../../shared/result';
import type { SprintContext } from '../core/context';

/** A window as the workspace sees it: an id and a way to push to its page. */
export interface WindowSink {
  id: number;
  send(push: Push): void;
}

/** An open repository's context; `close` stops its plan watcher and store. */
export interface OpenContext extends SprintContext {
  close(): void;
}
/**
 * Opens a repository's context. `push` receives every push for it: plan changes made by any
 * window, the room server or the command line (the context watches the plan ref), and logs.
 */
export type ContextOpener = (repo: string, push: (push: Push) => void) => Promise<Result<OpenContext>>;
export type Dispatch = (ctx: SprintContext, channel: Channel, request: unknown) => Promise<Result<unknown>>;

/** What only the app (not a repository's context) knows. */
export interface AppHooks {
  recent(): string[];
  /** A repository was opened in a window: remember it, retitle the window. */
  opened(windowId: number, repo: string): void;
  /** Creates the demo repository if needed and returns its path. */
  demoRepository(): Promise<Result<string>>;
}

interface RepoEntry {
  context: Promise<Result<OpenContext>>;
  /** The context once it opened, for synchronous reads such as app.info's actor. */
  opened?: OpenContext;
  /** Windows showing the repository or opening it. */
  windows: Set<number>;
}

export class Workspace {
  private readonly windows = new Map<number, { sink: WindowSink; repo: string | null }>();
  private readonly repos = new Map<string, RepoEntry>();
  /** Windows whose repository is being opened: their calls wait for it. */
  private readonly opening = new Map<number, Promise<void>>();

  constructor(
    private readonly openContext: ContextOpener,
    private readonly dispatch: Dispatch,
    private readonly hooks: AppHooks,
  ) {}

  addWindow(sink: WindowSink): void {
    this.windows.set(sink.id, { sink, repo: null });
  }

  removeWindow(windowId: number): void {
    const entry = this.windows.get(windowId);
    if (!entry) return;
    this.windows.delete(windowId);
    if (entry.repo !== null) this.release(entry.repo, windowId);
  }

  repoOf(windowId: number): string | null {
    return this.windows.get(windowId)?.repo ?? null;
  }

  /** The windows showing a repository, in the order they were opened. */
  windowsShowing(repo: string): number[] {
    return [...this.windows.values()].filter((w) => w.repo === repo).map((w) => w.sink.id);
  }

  /** The first window showing the repository, however its path is spelled, or null. */
  async windowShowing(repo: string): Promise<number | null> {
    return this.windowsShowing(await canonicalPath(repo))[0] ?? null;
  }

  /**
   * Opens `repo` in the window (sharing the context of any other window on it). Calls from the
   * window wait for this, so a page that loads while its repository opens never sees none.
   */
  show(windowId: number, repo: string): Promise<Result<OpenContext>> {
    const previous = this.opening.get(windowId) ?? Promise.resolve();
    const showing = previous.then(() => this.showNow(windowId, repo));
    const settled = showing.then(
      () => undefined,
      () => undefined,
    );
    this.opening.set(windowId, settled);
    void settled.then(() => {
      if (this.opening.get(windowId) === settled) this.opening.delete(windowId);
    });
    return showing;
  }

  private async showNow(windowId: number, repo: string): Promise<Result<OpenContext>> {
    const window = this.windows.get(windowId);
    if (!window) return fail('not-found', 'That window has closed.');
    const key = await canonicalPath(repo);
    const entry = this.acquire(key, windowId);
    const context = await entry.context;
    if (!context.ok || !this.windows.has(windowId)) {
      if (window.repo !== key) this.release(key, windowId);
      return context.ok ? fail('not-found', 'That window has closed.') : context;
    }
    const previous = window.repo;
    window.repo = key;
    if (previous !== null && previous !== key) this.release(previous, windowId);
    this.hooks.opened(windowId, key);
    return context;
  }

  /** Sends a push to every window showing the repository. */
  pushTo(repo: string, push: Push): void {
    for (const window of this.windows.values()) if (window.repo === repo) window.sink.send(push);
  }

  /** Answers one API call from a window. Never throws: errors are values. */
  async call(windowId: number, channel: unknown, request: unknown): Promise<Result<unknown>> {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return fail('bad-input', `There is no API call named ${JSON.stringify(String(channel)).slice(0, 80)}.`);
    }
    try {
      await this.opening.get(windowId);
      switch (channel) {
        case 'app.info':
          return ok(this.appInfo(windowId));
        case 'repo.open': {
          const parsed = contract['repo.open'].request.safeParse(request);
          if (!parsed.success) return fail('bad-input', 'repo.open needs { path }: the folder of a git repository.');
          return await this.openAndSummarise(windowId, parsed.data.path);
        }
        case 'repo.openDemo': {
          const demo = await this.hooks.demoRepository();
          return demo.ok ? await this.openAndSummarise(windowId, demo.value) : demo;
        }
        default: {
          const context = await this.contextOf(windowId);
          return context.ok ? await this.dispatch(context.value, channel, request) : context;
        }
      }
    } catch (error) {
      return fail('internal', `Merge Sprint failed while answering ${channel}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Closes every repository's context (on quit). */
  async close(): Promise<void> {
    const entries = [...this.repos.values()];
    this.repos.clear();
    for (const window of this.windows.values()) window.repo = null;
    for (const entry of entries) await disposeEntry(entry);
  }

  private appInfo(windowId: number): AppInfo {
    const repo = this.repoOf(windowId);
    return {
      mode: 'electron',
      repoPath: repo,
      recent: this.hooks.recent(),
      actor: this.actorOf(repo),
      canOpen: true,
      allowRepoChanges: true,
    };
  }

  private actorOf(repo: string | null): AppInfo['actor'] {
    const opened = repo === null ? undefined : this.repos.get(repo)?.opened;
    return opened?.actor ?? { name: 'Merge Sprint user', email: '' };
  }

  private async openAndSummarise(windowId: number, repo: string): Promise<Result<unknown>> {
    const shown = await this.show(windowId, repo);
    return shown.ok ? await this.dispatch(shown.value, 'repo.summary', {}) : shown;
  }

  private async contextOf(windowId: number): Promise<Result<OpenContext>> {
    const repo = this.repoOf(windowId);
    const entry = repo === null ? undefined : this.repos.get(repo);
    if (!entry) return fail('refused', 'No repository is open in this window: use File > Open… or open the demo sprint.');
    return entry.context;
  }

  /** The repository's entry, opening its context on first use; the window holds it until released. */
  private acquire(key: string, windowId: number): RepoEntry {
    const existing = this.repos.get(key);
    if (existing) {
      existing.windows.add(windowId);
      return existing;
    }
    const entry: RepoEntry = { context: Promise.resolve(fail('internal', 'Not opened yet.')), windows: new Set([windowId]) };
    const opening = this.openContext(key, (push) => this.pushTo(key, push)).catch((error: unknown) =>
      fail('internal', `Merge Sprint could not open ${key}: ${error instanceof Error ? error.message : String(error)}`),
    );
    entry.context = opening.then((context) => {
      if (context.ok) {
        entry.opened = context.value;
      } else if (this.repos.get(key) === entry) {
        this.repos.delete(key);
      }
      return context;
    });
    this.repos.set(key, entry);
    return entry;
  }

  /** The window lets go of the repository; the last one out closes its context. */
  private release(key: string, windowId: number): void {
    const entry = this.repos.get(key);
    if (!entry) return;
    entry.windows.delete(windowId);
    if (entry.windows.size > 0) return;
    this.repos.delete(key);
    void disposeEntry(entry);
  }
}

async function disposeEntry(entry: RepoEntry): Promise<void> {
  const context = await entry.context;
  if (context.ok) context.value.close();
}

/** One key per repository folder, however it was spelled (relative, through a symlink). */
async function canonicalPath(repo: string): Promise<string> {
  const resolved = path.resolve(repo);
  try {
    return await realpath(resolved);
  } catch {
    return resolved;
  }
}
