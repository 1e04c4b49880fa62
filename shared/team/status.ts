/**
 * What git says about each card's branch, and whether a Done card is Done that git confirms.
 * The core computes the numbers (electron/core/team/status.ts); the words are here, so that the
 * board, the command line and the report say the same thing.
 */
import type { Subsystem } from '../model';

export interface BranchCommit {
  commit: string;
  subject: string;
  author: string;
  /** ISO-8601 author date. */
  date: string;
}

export interface CardWork {
  subsystemId: string;
  branch: string;
  /** The branch's commit, or null when no local or remote-tracking branch has that name (not created, not fetched). */
  tip: string | null;
  /** Commits on the branch that the sprint branch does not have. */
  unmerged: number;
  /** Of those, the ones that touch the card's files. */
  touching: number;
  /** The newest commit touching the card's files, or null. */
  last: BranchCommit | null;
}

/** A branch's work against the sprint branch, as read from git before it is tied to a card. */
export type BranchWork = Omit<CardWork, 'subsystemId' | 'branch'>;

/** Why a card that says Done is not Done as far as git can tell. */
export type Doubt =
  | { kind: 'no-branch'; branch: string }
  | { kind: 'unmerged'; branch: string; commits: number }
  | { kind: 'patch-fails'; subject: string; reason: string }
  /** Fork commits waiting for pick-up that touch the card's files: the card's work is not the fork's newest. */
  | { kind: 'pickup-waiting'; commits: number };

export interface CardVerdict {
  /** Null for a card that is not Done; for a Done card, whether git confirms it. */
  verified: boolean | null;
  doubts: Doubt[];
}

export interface TeamStatus {
  /** The sprint branch (the sprint's fork ref) and its commit, or null before the sprint starts. */
  sprintRef: string | null;
  sprintCommit: string | null;
  /** What each card's branch holds, by subsystem id (cards naming a branch only). */
  work: Record<string, CardWork>;
  verdicts: Record<string, CardVerdict>;
  /** A problem that kept part of the check from running (the series could not be loaded), in words, or null. */
  problem: string | null;
}

const commits = (n: number): string => `${n} ${n === 1 ? 'commit' : 'commits'}`;

/** A Done card's verdict from its branch's work and the patches holding its files that no longer apply. */
export function verdictOf(sub: Subsystem, work: CardWork | undefined, failingPatches: { subject: string; reason: string }[], waitingPickups = 0): CardVerdict {
  if (sub.state !== 'Done') return { verified: null, doubts: [] };
  const doubts: Doubt[] = [];
  if (work && work.tip === null) doubts.push({ kind: 'no-branch', branch: work.branch });
  if (work && work.unmerged > 0) doubts.push({ kind: 'unmerged', branch: work.branch, commits: work.unmerged });
  for (const p of failingPatches) doubts.push({ kind: 'patch-fails', subject: p.subject, reason: p.reason });
  if (waitingPickups > 0) doubts.push({ kind: 'pickup-waiting', commits: waitingPickups });
  return { verified: doubts.length === 0, doubts };
}

export function describeDoubt(doubt: Doubt): string {
  switch (doubt.kind) {
    case 'no-branch':
      return `there is no branch ${doubt.branch} in this clone (create it, or fetch it from the remote)`;
    case 'unmerged':
      return `${commits(doubt.commits)} on ${doubt.branch} ${doubt.commits === 1 ? 'is' : 'are'} not on the sprint branch`;
    case 'patch-fails':
      return `the patch "${doubt.subject}" holding its files no longer applies`;
    case 'pickup-waiting':
      return `${doubt.commits} fork ${doubt.commits === 1 ? 'commit waits' : 'commits wait'} for pick-up that ${doubt.commits === 1 ? 'touches' : 'touch'} its files`;
  }
}

/** "Done, verified by git", or "Done, but 2 commits on keir/i386-mm are not on the sprint branch". */
export function describeVerdict(verdict: CardVerdict): string | null {
  if (verdict.verified === null) return null;
  if (verdict.verified) return 'Done, verified by git';
  const parts = verdict.doubts.map(describeDoubt);
  return `Done, but ${parts.join('; and ')}`;
}

/** "3 commits on keir/i386-mm touch its files, the last "mm: fix" by Keir". */
export function describeWork(work: CardWork): string {
  if (work.tip === null) return `${work.branch}: no such branch in this clone yet`;
  if (work.touching === 0) return `${work.branch}: no commits touching its files yet`;
  const last = work.last ? `, the last "${work.last.subject}" by ${work.last.author}` : '';
  return `${work.branch}: ${commits(work.touching)} touching its files${last}`;
}
