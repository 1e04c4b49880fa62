/**
 * Turning sprint settings into what the git calls need: both refs as commit ids, the pairings
 * checked, and each paired folder's tree id (or null where the folder does not exist).
 */
import type { Pairing, SprintSettings } from '../../../shared/model';
import { fail, ok, type Result } from '../../../shared/result';
import { resolveCommit } from '../git/refs';
import { lookupPaths } from '../git/cat-file';
import { checkPairings } from './pairings';

export interface ResolvedRefs {
  upstreamCommit: string;
  forkCommit: string;
  pairings: Pairing[];
}

export interface ResolvedPairing extends Pairing {
  /** Tree id of the upstream folder in the upstream commit, null when it does not exist there. */
  upstreamTree: string | null;
  /** Tree id of the fork folder in the fork commit, null when it does not exist there. */
  forkTree: string | null;
}

/** Checks the pairings (no git needed), then resolves both refs concurrently. */
export async function resolveRefs(repo: string, settings: SprintSettings): Promise<Result<ResolvedRefs>> {
  const pairings = checkPairings(settings.pairings);
  if (!pairings.ok) return pairings;
  const [upstream, fork] = await Promise.all([resolveCommit(repo, settings.upstreamRef), resolveCommit(repo, settings.forkRef)]);
  if (!upstream.ok) return fail(upstream.error.code, `Upstream ref: ${upstream.error.message}`);
  if (!fork.ok) return fail(fork.error.code, `Fork ref: ${fork.error.message}`);
  return ok({ upstreamCommit: upstream.value, forkCommit: fork.value, pairings: pairings.value });
}

/**
 * Looks every paired folder up in one git call. Both folders of a pairing must exist, the fork
 * folder in the fork ref and its twin in the upstream ref: a missing one is nearly always a
 * typo, which would otherwise pass as a folder of only fork-only or upstream-only files. A path
 * that names a file or a submodule rather than a folder is refused too ('bad-path').
 */
export async function resolvePairingTrees(
  repo: string,
  settings: SprintSettings,
  refs: ResolvedRefs,
): Promise<Result<ResolvedPairing[]>> {
  const lookups = refs.pairings.flatMap((p) => [
    { commit: refs.upstreamCommit, path: p.upstream },
    { commit: refs.forkCommit, path: p.fork },
  ]);
  const found = await lookupPaths(repo, lookups);
  const resolved: ResolvedPairing[] = [];
  for (const [i, pairing] of refs.pairings.entries()) {
    const up = found[2 * i] ?? null;
    const fork = found[2 * i + 1] ?? null;
    for (const [object, dir, ref] of [
      [up, pairing.upstream, settings.upstreamRef],
      [fork, pairing.fork, settings.forkRef],
    ] as const) {
      if (object && object.type !== 'tree') {
        return fail('bad-path', `"${dir}" is a ${object.type === 'blob' ? 'file' : object.type} in ${ref}, not a folder: pair folders only.`);
      }
    }
    if (!up || !fork) {
      const missing = [
        fork ? '' : `"${pairing.fork}" is not in the fork ref ${settings.forkRef}`,
        up ? '' : `"${pairing.upstream}" is not in the upstream ref ${settings.upstreamRef}`,
      ].filter(Boolean);
      return fail(
        'bad-path',
        `The pairing ${pairing.fork} = ${pairing.upstream} names a folder that does not exist: ${missing.join(' and ')}. Check the spelling (\`git ls-tree -d REF -- DIR\`).`,
      );
    }
    resolved.push({ ...pairing, upstreamTree: up?.oid ?? null, forkTree: fork?.oid ?? null });
  }
  return ok(resolved);
}
