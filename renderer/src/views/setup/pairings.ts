/** The pairing list being edited on the setup page: suggestions and manual rows, each checkable. */
import type { Pairing, PairingSuggestion } from '../../../../shared/model';
import { plural } from '../common/format';

/** What a suggestion found: how many fork files have a twin and how alike they are. */
export type PairingEvidence = Pick<PairingSuggestion, 'score' | 'forkFiles' | 'matched' | 'identical' | 'similar' | 'confident'>;

export interface PairingRow extends Pairing {
  checked: boolean;
  /** Where the row came from: the sprint as recorded, a suggestion, or typed by hand. */
  origin: 'sprint' | 'suggested' | 'manual';
  /** The suggestion's evidence, when the row came from one (or a suggestion named the same pair). */
  evidence: PairingEvidence | null;
}

const same = (a: Pairing, b: Pairing) => a.fork === b.fork && a.upstream === b.upstream;

const evidenceOf = (s: PairingSuggestion): PairingEvidence => ({
  score: s.score,
  forkFiles: s.forkFiles,
  matched: s.matched,
  identical: s.identical,
  similar: s.similar,
  confident: s.confident,
});

export const rowsFromPairings = (pairings: Pairing[]): PairingRow[] =>
  pairings.map((p) => ({ fork: p.fork, upstream: p.upstream, checked: true, origin: 'sprint', evidence: null }));

/** Adds suggestions not yet listed (ticked only when the core is confident of them); keeps the user's rows as they are. */
export function mergeSuggestions(rows: PairingRow[], suggestions: PairingSuggestion[]): PairingRow[] {
  const out = rows.map((r) => {
    const s = suggestions.find((x) => same(x, r));
    return s ? { ...r, evidence: evidenceOf(s) } : r;
  });
  for (const s of suggestions) {
    if (out.some((r) => same(r, s))) continue;
    out.push({ fork: s.fork, upstream: s.upstream, checked: s.confident, origin: 'suggested', evidence: evidenceOf(s) });
  }
  return out;
}

/** A suggestion's evidence in words: "27 of 29 files have a twin; 2 identical, 24 similar". */
export function evidenceWords(e: PairingEvidence): string {
  const twins = `${e.matched} of ${plural(e.forkFiles, 'file')} ${e.matched === 1 ? 'has' : 'have'} a twin`;
  if (e.identical === 0 && e.similar === 0) return `${twins}; none alike: the fork rewrote them`;
  const alike = [e.identical > 0 ? `${e.identical} identical` : '', e.similar > 0 ? `${e.similar} similar` : ''].filter(Boolean).join(', ');
  return `${twins}; ${alike}`;
}

/** What a row's last column says: the evidence, or where the row came from. */
export function rowWords(r: PairingRow): string {
  if (r.evidence) return evidenceWords(r.evidence);
  return r.origin === 'sprint' ? 'in the sprint' : 'added by hand';
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
