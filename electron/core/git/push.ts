/**
 * Pushing one commit to one ref of a configured remote, as a fast-forward only (no `+`, no
 * --force): the remote keeps whatever anyone pushed meanwhile, and the push is refused instead.
 *   git push --porcelain --no-verify -- origin 9fceb02…:refs/merge-sprint/plan
 * `--porcelain` prints one line per ref on standard output, a flag, the refspec, a summary:
 *   "To ../remote.git\n*\t9fceb02…:refs/merge-sprint/plan\t[new reference]\nDone\n"       exit 0
 *   " \t9fceb02…:refs/merge-sprint/plan\t3e75765..9fceb02\nDone\n"                           exit 0
 *   "=\t9fceb02…:refs/merge-sprint/plan\t[up to date]\nDone\n"                                 exit 0
 *   "!\t27429df…:refs/merge-sprint/plan\t[rejected] (fetch first)\nDone\n"                     exit 1
 *   "!\t27429df…:refs/merge-sprint/plan\t[rejected] (non-fast-forward)\nDone\n"                exit 1
 *   "!\tee78d0f…:refs/merge-sprint/plan\t[remote rejected] (pre-receive hook declined)\nDone\n" exit 1
 *   "!\t9fceb02…:refs/merge-sprint/plan\t[remote rejected] (failed to update ref)\n"            exit 1
 * and the remote's own words on standard error ("remote: the plan ref is protected"); the last
 * line is a race on the remote, whose stderr then says "error: cannot lock ref
 * 'refs/merge-sprint/plan': is at 55cb… but expected fa70…": another push got there first.
 * Exit 1 is an answer (the line says why); a remote that cannot be reached exits 128.
 */
import { git } from './exec';

export type PushOutcome =
  | { pushed: true; upToDate: boolean }
  /** Someone pushed meanwhile: fetch, merge and push again. */
  | { pushed: false; why: 'behind'; summary: string }
  /** The remote said no (a hook, a protected ref, no rights): what it said. */
  | { pushed: false; why: 'refused'; summary: string; remoteSays: string };

/** The porcelain line of `ref`: its flag and summary, or null when git printed none. */
export function parsePushLine(stdout: string, ref: string): { flag: string; summary: string } | null {
  for (const line of stdout.split('\n')) {
    const parts = line.split('\t');
    if (parts.length >= 3 && (parts[1] ?? '').endsWith(`:${ref}`)) return { flag: parts[0] ?? '', summary: parts.slice(2).join('\t') };
  }
  return null;
}

/** The remote's own messages, without git's "remote: " prefixes and padding. */
export function remoteMessages(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('remote:'))
    .map((l) => l.replace(/^(remote:\s*)+/, '').trim())
    .filter((l) => l !== '')
    .join(' ');
}

export async function pushFastForward(repo: string, remote: string, commit: string, ref: string): Promise<PushOutcome> {
  const out = await git(repo, ['push', '--porcelain', '--no-verify', '--', remote, `${commit}:${ref}`], { successExitCodes: [1] });
  const line = parsePushLine(out.stdout, ref);
  if (out.exitCode === 0 && line !== null && line.flag !== '!') return { pushed: true, upToDate: line.flag === '=' };
  const summary = line?.summary ?? ((out.stderr ?? '').trim().split('\n')[0] || 'no answer');
  const lostRace = /^\[remote rejected\] \((failed to update ref|failed to lock)\)/.test(summary) && /cannot lock ref '[^']*': (is at [0-9a-f]+ but expected|Unable to create)/.test(out.stderr ?? '');
  if (/^\[rejected\]/.test(summary) || lostRace) return { pushed: false, why: 'behind', summary };
  return { pushed: false, why: 'refused', summary, remoteSays: remoteMessages(out.stderr ?? '') };
}
