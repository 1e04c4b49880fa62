/** The pairing list being edited on the setup page: suggestions and manual rows, each checkable. */
import type { Pairing, PairingSuggestion } from '../../../../shared/model';

export interface PairingRow extends Pairing {
  checked: boolean;
  /** Where the row came from: the sprint as recorded, a suggestion, or typed by hand. */
  origin: 'sprint' | 'suggested' | 'manual';
  /** The suggestion's evidence, when the row came from one. */
  score: number | null;
  matched: number | null;
  forkFiles: number | null;
}

const same = (a: Pairing, b: Pairing) => a.fork === b.fork && a.upstream === b.upstream;

export const rowsFromPairings = (pairings: Pairing[]): PairingRow[] =>
  pairings.map((p) => ({ fork: p.fork, upstream: p.upstream, checked: true, origin: 'sprint', score: null, matched: null, forkFiles: null }));

/** Adds suggestions not yet listed (checked when at least half the fork folder's files match); keeps the user's rows as they are. */
export function mergeSuggestions(rows: PairingRow[], suggestions: PairingSuggestion[]): PairingRow[] {
  const out = rows.map((r) => {
    const s = suggestions.find((x) => same(x, r));
    return s ? { ...r, score: s.score, matched: s.matched, forkFiles: s.forkFiles } : r;
  });
  for (const s of suggestions) {
    if (out.some((r) => same(r, s))) continue;
    out.push({ fork: s.fork, upstream: s.upstream, checked: s.score >= 0.5, origin: 'suggested', score: s.score, matched: s.matched, forkFiles: s.forkFiles });
  }
  return out;
}

/** What is wrong with a manual pairing, or null. */
export function checkManualPairing(rows: PairingRow[], fork: string, upstream: string): string | null {
  const f = fork.trim().replace(/\/+$/, '');
  const u = upstream.trim().replace(/\/+$/, '');
  if (!f || !u) return 'Give both folders: the fork folder and its upstream twin.';
  if (f === u) return 'A folder cannot be paired with itself: files at the same path are compared anyway.';
  if (rows.some((r) => r.fork === f)) return `${f} is already paired: untick or remove that row first.`;
  return null;
}

export const normaliseFolder = (p: string): string => p.trim().replace(/\/+$/, '');
