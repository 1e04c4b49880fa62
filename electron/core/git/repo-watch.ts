/**
 * Notices when the repository's branches, tags or HEAD move outside the app: a plain
 * `git commit`, a checkout, a fetch, a rebase. The board then re-reads what depends on them (the
 * inventory at the fork ref, the drift of the interim copies, the files in no subsystem).
 *
 * File watchers on the git folder, its reflogs and refs/heads say when to look; what counts is
 * the refs' values, so a watcher that fires for nothing (git status rewriting the index) costs
 * one `for-each-ref` and no push. A poll covers what the watchers miss (nested branch folders,
 * file systems without notifications).
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { git } from './exec';

const POLL_MS = 2000;
const SETTLE_MS = 60;

/**
 * Every branch, remote-tracking branch and tag with the commit it names, and where HEAD points.
 * `git for-each-ref --format='%(objectname) %(refname)'` prints one ref per line:
 *   "3774f1d28139... refs/heads/xen\n"
 * and `git rev-parse --verify --quiet --symbolic-full-name HEAD` plus `HEAD` print the branch
 * HEAD names (empty when detached) and its commit; in an empty repository HEAD names nothing
 * and rev-parse exits 1, which is an answer.
 */
export async function refsFingerprint(repo: string): Promise<string> {
  const [refs, head] = await Promise.all([
    git(repo, ['for-each-ref', '--format=%(objectname) %(refname)', 'refs/heads', 'refs/remotes', 'refs/tags']),
    git(repo, ['rev-parse', '--verify', '--quiet', 'HEAD'], { successExitCodes: [1] }),
  ]);
  return `${head.stdout}\n${refs.stdout}`;
}

/**
 * This work tree's git folder (HEAD and its reflog) and the shared one (branches, tags);
 * the same folder except in a linked worktree. `git rev-parse --git-dir --git-common-dir`
 * prints one per line, relative to the repository:
 *   ".git\n.git\n"
 */
async function gitDirs(repo: string): Promise<{ gitDir: string; commonDir: string }> {
  const out = await git(repo, ['rev-parse', '--git-dir', '--git-common-dir']);
  const [gitDir = '.git', commonDir = gitDir] = out.stdout.split('\n');
  return { gitDir: path.resolve(repo, gitDir), commonDir: path.resolve(repo, commonDir) };
}

export interface RepoWatch {
  stop(): void;
}

/**
 * Calls `changed` (at most once per settle period) whenever the refs' fingerprint differs from
 * the last one seen; the first reading is the baseline and calls nothing.
 */
export function watchRepoRefs(repo: string, changed: () => void): RepoWatch {
  const watchers: FSWatcher[] = [];
  let last: string | null = null;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let pending: NodeJS.Timeout | null = null;

  const look = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        const now = await refsFingerprint(repo).catch(() => null);
        if (stopped || now === null) continue;
        const before = last;
        last = now;
        if (before !== null && before !== now) changed();
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  };

  const soon = (): void => {
    if (pending || stopped) return;
    pending = setTimeout(() => {
      pending = null;
      look();
    }, SETTLE_MS);
    pending.unref();
  };

  void gitDirs(repo)
    .then(({ gitDir, commonDir }) => {
      const dirs = new Set([gitDir, path.join(gitDir, 'logs'), commonDir, path.join(commonDir, 'refs', 'heads'), path.join(commonDir, 'refs', 'tags')]);
      for (const dir of dirs) {
        if (stopped || !existsSync(dir)) continue;
        try {
          const watcher = watch(dir, { persistent: false }, soon);
          watcher.on('error', () => watcher.close());
          watchers.push(watcher);
        } catch {
          // Watching is a speed-up; the poll still sees every change.
        }
      }
    })
    .catch(() => undefined);
  const timer = setInterval(look, POLL_MS);
  timer.unref();
  look();

  return {
    stop() {
      stopped = true;
      clearInterval(timer);
      if (pending) clearTimeout(pending);
      for (const w of watchers) w.close();
    },
  };
}
