/** Checks on the pairings a user typed, and the mapping from a fork path to its upstream twin. */
import type { Pairing } from '../../../shared/model';
import { checkRepoPath, isUnder, normaliseDir } from '../../../shared/paths';
import { fail, ok, type Result } from '../../../shared/result';

/**
 * Each folder is a safe repository path (no `..`, no `.git`, not absolute), and no fork folder
 * is inside another: every fork path belongs to at most one pairing. Returns the pairings with
 * trailing slashes removed.
 */
export function checkPairings(pairings: readonly Pairing[]): Result<Pairing[]> {
  const checked: Pairing[] = [];
  for (const pairing of pairings) {
    const bad = checkRepoPath(pairing.fork, 'fork folder') ?? checkRepoPath(pairing.upstream, 'upstream folder');
    if (bad) return fail('bad-path', `${bad} (pairing ${pairing.fork} = ${pairing.upstream})`);
    checked.push({ fork: normaliseDir(pairing.fork), upstream: normaliseDir(pairing.upstream) });
  }
  for (const [i, a] of checked.entries()) {
    for (const b of checked.slice(i + 1)) {
      if (isUnder(b.fork, a.fork) || isUnder(a.fork, b.fork)) {
        const [outer, inner] = isUnder(b.fork, a.fork) ? [a, b] : [b, a];
        return fail(
          'bad-input',
          outer.fork === inner.fork
            ? `The fork folder "${outer.fork}" is paired twice (with "${outer.upstream}" and "${inner.upstream}"): keep one pairing.`
            : `The pairings overlap: fork folder "${inner.fork}" is inside "${outer.fork}". Pair each fork folder once (remove one of the two).`,
        );
      }
    }
  }
  return ok(checked);
}

/** The pairing whose fork folder holds `path`, if any. */
export const pairingOf = (pairings: readonly Pairing[], path: string): Pairing | undefined =>
  pairings.find((p) => isUnder(path, p.fork) && path !== p.fork);

/** The upstream twin of a fork path (itself outside every pairing). */
export function upstreamTwin(pairings: readonly Pairing[], path: string): string {
  const pairing = pairingOf(pairings, path);
  return pairing ? pairing.upstream + path.slice(pairing.fork.length) : path;
}

/** A stable key for a set of pairings, for caches. */
export const pairingsKey = (pairings: readonly Pairing[]): string => pairings.map((p) => `${p.fork}\0${p.upstream}`).join('\0\0');
