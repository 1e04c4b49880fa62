/**
 * Remotes for the plan's sync, real ones: a bare repository on disk, and `git daemon` on
 * 127.0.0.1 serving a folder of bare repositories (started by the test, stopped by `stop`).
 * A team is the demo sprint (a sparse Xen fork of a mini Linux tree, its plan under way)
 * pushed to a bare remote and cloned once per laptop, each clone with its own git identity.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { createDemoRepository } from '../../electron/core/demo';
import { openRepoServices } from '../../electron/core/host/services';
import type { Actor } from '../../shared/model';
import type { ClientCommand } from '../../shared/plan/events';
import { PLAN_REF } from '../../electron/core/plan/plan-ref';
import { git, gitEnv, tempDir } from './repo';

export interface Laptop {
  repo: string;
  name: string;
  email: string;
}

export interface Team {
  /** The folder holding the remote (and, for a daemon, every repository it serves). */
  dir: string;
  /** The bare remote's path. */
  remote: string;
  organiser: string;
  laptops: Laptop[];
}

/** A bare remote holding the demo's branches, tags and plan, and `names.length` clones of it (without the plan yet). */
export async function makeTeam(names: string[], opts: { url?: (remotePath: string) => string; dir?: string } = {}): Promise<Team> {
  const dir = opts.dir ?? tempDir('merge-sprint-remote-');
  const made = await createDemoRepository(path.join(dir, 'organiser'));
  if (!made.ok) throw new Error(made.error.message);
  const organiser = made.value;
  const remote = path.join(dir, 'plan.git');
  git(dir, ['clone', '-q', '--bare', organiser, remote]);
  git(organiser, ['push', '-q', remote, `${PLAN_REF}:${PLAN_REF}`]);
  const url = opts.url ? opts.url(remote) : remote;
  git(organiser, ['remote', 'add', 'origin', url]);
  const laptops = names.map((name) => {
    const repo = path.join(dir, name.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
    git(dir, ['clone', '-q', url, repo]);
    const email = `${name.toLowerCase().split(' ')[0]}@xensource.example`;
    git(repo, ['config', 'user.name', name]);
    git(repo, ['config', 'user.email', email]);
    return { repo, name, email };
  });
  return { dir, remote, organiser, laptops };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Daemon {
  port: number;
  url(remotePath: string): string;
  stop(): Promise<void>;
}

/**
 * `git daemon` serving every repository under `base` for fetch and push. It takes a fixed port,
 * so a free one is picked first; it is ready once `git ls-remote` gets an answer.
 */
export async function startDaemon(base: string): Promise<Daemon> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'git',
    ['daemon', '--export-all', '--enable=receive-pack', '--reuseaddr', '--listen=127.0.0.1', `--port=${port}`, `--base-path=${base}`, base],
    { env: gitEnv(), stdio: 'ignore' },
  );
  const url = (remotePath: string): string => `git://127.0.0.1:${port}/${path.relative(base, remotePath)}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      git(base, ['ls-remote', `git://127.0.0.1:${port}/nothing-here`]);
      break;
    } catch (error) {
      // "not found" from the daemon means it answers; "unable to connect" means not yet.
      if (!/unable to connect/.test(String((error as { stderr?: string }).stderr ?? error))) break;
      if (Date.now() > deadline) throw new Error(`git daemon did not start on port ${port}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    port,
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The person a laptop signs its changes with. */
export const actorOf = (l: Laptop): Actor => ({ name: l.name, email: l.email });

/** Makes board changes on a laptop's clone as that laptop's person, through its own services. */
export async function changeOn(l: Laptop, commands: ClientCommand[]): Promise<void> {
  const opened = await openRepoServices(l.repo, { actor: actorOf(l), log: () => undefined });
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    const done = await opened.value.plan.changeAll(commands, actorOf(l));
    if (!done.ok) throw new Error(done.error.message);
  } finally {
    opened.value.dispose();
  }
}
