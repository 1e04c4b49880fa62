/**
 * Which window shows which repository, one RepoServices per repository shared by all its
 * windows (disposed when the last one lets go), and the Electron API host: its own entries
 * (app.info, repo.open, repo.openDemo) and every other call to the window's repository. Pushes (the plan
 * store's changes, build and series logs) go to every window showing the repository, so a second
 * window shows a change made in the first, in a browser on the room server or on the command line.
 * No `electron` import: windows are reached through `WindowSink`, so this is tested in Node.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { OWNER } from '../../shared/access';
import type { AppInfo, Channel, Push, RepoSummary } from '../../shared/api';
import { fail, ok, type Result } from '../../shared/result';
import type { Handlers, RepoServices } from '../core/context';
import { featureHandlers, type HostChannel } from '../core/host/features';
import { createApiHost, type ApiHost } from '../core/host/host';

/** A window as the workspace sees it: an id and a way to push to its page. */
export interface WindowSink {
  id: number;
  send(push: Push): void;
}

/**
 * Opens a repository's services. `push` receives every push for it: plan changes made by any
 * window, the room server or the command line (the services watch the plan ref), and logs.
 */
export type ServicesOpener = (repo: string, push: (push: Push) => void) => Promise<Result<RepoServices>>;

/** What only the app (not a repository's context) knows. */
export interface AppHooks {
  recent(): string[];
  /** A repository was opened in a window: remember it, retitle the window. */
  opened(windowId: number, repo: string): void;
  /** Creates the demo repository if needed and returns its path. */
  demoRepository(): Promise<Result<string>>;
}

interface RepoEntry {
  context: Promise<Result<RepoServices>>;
  /** The services once they opened, for synchronous reads such as app.info's actor. */
  opened?: RepoServices;
  /** Windows showing the repository or opening it. */
  windows: Set<number>;
}

export class Workspace {
  private readonly windows = new Map<number, { sink: WindowSink; repo: string | null }>();
  private readonly repos = new Map<string, RepoEntry>();
  /** Windows whose repository is being opened: their calls wait for it. */
  private readonly opening = new Map<number, Promise<void>>();

  /** Calls come from a window (by id); the window and the command line are the machine's owner. */
  private readonly host: ApiHost<number>;

  constructor(
    private readonly openContext: ServicesOpener,
    private readonly hooks: AppHooks,
    /** What answers the repositories' calls: every feature's handlers (tests give their own). */
    private readonly features: Handlers<Exclude<Channel, HostChannel>> = featureHandlers,
  ) {
    this.host = createApiHost<number>({
      features,
      clientOf: () => OWNER,
      servicesOf: (windowId) => this.contextOf(windowId),
      entries: {
        'app.info': async (windowId) => ok(this.appInfo(windowId)),
        'repo.open': (windowId, { path: repo }) => this.openAndSummarise(windowId, repo),
        'repo.openDemo': async (windowId) => {
          const demo = await this.hooks.demoRepository();
          return demo.ok ? this.openAndSummarise(windowId, demo.value) : demo;
        },
      },
    });
  }

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
  show(windowId: number, repo: string): Promise<Result<RepoServices>> {
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

  private async showNow(windowId: number, repo: string): Promise<Result<RepoServices>> {
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

  /** Answers one API call from a window, once the repository it is opening is open. Never throws: errors are values. */
  async call(windowId: number, channel: unknown, request: unknown): Promise<Result<unknown>> {
    await this.opening.get(windowId);
    return this.host.call(windowId, channel, request);
  }

  /** Disposes every repository's services (on quit). */
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

  private async openAndSummarise(windowId: number, repo: string): Promise<Result<RepoSummary>> {
    const shown = await this.show(windowId, repo);
    // The answer is the repository's own repo.summary, as its other windows and the room see it.
    return shown.ok ? this.features['repo.summary'](shown.value, {}) : shown;
  }

  private async contextOf(windowId: number): Promise<Result<RepoServices>> {
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

  /** The window lets go of the repository; the last one out disposes its services. */
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
  if (context.ok) context.value.dispose();
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
