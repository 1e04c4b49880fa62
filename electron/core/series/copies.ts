/**
 * Where the export looks for copies: every path the series changes, and for each fork file
 * inside a pairing its upstream twin (`arch/i386/xen/kernel/setup.c` -> `arch/i386/kernel/setup.c`).
 * A fork copy of a twin is then exported as `copy from`/`copy to` with the fork's changes, the
 * few lines a reviewer has to read, instead of the whole file as new.
 */
import { isUnder } from '../../../shared/paths';
import type { Pairing } from '../../../shared/model';
import type { SeriesInput } from './load';

/** The twin of a fork path inside a pairing, or null. */
export function twinOf(path: string, pairings: readonly Pairing[]): string | null {
  for (const p of pairings) {
    if (p.fork !== p.upstream && isUnder(path, p.fork)) return p.upstream + path.slice(p.fork.length);
  }
  return null;
}

export function copySources(input: SeriesInput): string[] {
  const pairings = input.plan.sprint?.pairings ?? [];
  const paths = new Set<string>();
  for (const c of input.changes) {
    paths.add(c.path);
    const twin = c.status === 'D' ? null : twinOf(c.path, pairings);
    if (twin !== null) paths.add(twin);
  }
  return [...paths].sort();
}
