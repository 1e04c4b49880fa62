/** What the series engine answers: the series with its numbers, checks, exports and drift. */
import type { Coverage } from './changes';
import type { SeriesPlan } from './model';
import type { PatchSize } from './sizes';
import type { PatchRecipients, Recipients } from './recipients';

export interface PatchStats {
  patchId: string;
  files: number;
  added: number;
  removed: number;
  binary: number;
}

export interface SeriesState {
  series: SeriesPlan;
  /** The target's commit now (the ref may have moved since the proposal). */
  targetCommit: string | null;
  stats: PatchStats[];
  coverage: Coverage;
  /** What is wrong with the series as it stands (coverage, order), or null. */
  problem: string | null;
  /** Each patch's size as mail, in series order (empty when git's sizes could not be read). */
  sizes: PatchSize[];
  limitKb: number;
  /** Each patch's To and Cc with why each is there (MAINTAINERS, the maintainers map, the twins). */
  recipients: PatchRecipients[];
  /** Why the patches have no recipients (no MAINTAINERS, or no F: lines and no map), or null. */
  recipientsProblem: string | null;
}

export type SeriesWarning =
  | { kind: 'rewritten-rename'; patchId: string; from: string; to: string; similarity: number; message: string }
  | { kind: 'too-large'; patchId: string; lines: number; limit: number; message: string }
  | { kind: 'over-size'; patchId: string; bytes: number; limitKb: number; message: string }
  /** The patch would revert `path` to what it was before upstream's `upstreamCommit` (the target is behind upstream there). */
  | { kind: 'reverts-upstream'; patchId: string; path: string; upstreamCommit: string | null; message: string };

export interface CheckStep {
  patchId: string;
  subject: string;
  applied: boolean;
  /** git's words when the patch did not apply. */
  reason: string | null;
  build: { passed: boolean; exitCode: number | null } | null;
  /** With `each`: what no longer resolves after this patch ("arch/i386/xen/Makefile (line 3) names kernel/, added by patch 8"). */
  broken?: string[];
}

export interface CheckReport {
  runId: string;
  base: string;
  targetCommit: string;
  targetTree: string;
  /** The worktree's tree after the last patch (null when a patch failed or the run was canceled). */
  finalTree: string | null;
  treeMatches: boolean;
  /** The first patch that failed, or whose build failed. */
  failed: { index: number; patchId: string; subject: string; reason: string } | null;
  canceled: boolean;
  steps: CheckStep[];
  warnings: SeriesWarning[];
  /** Each patch's size as written (its diff, with the mail's headers and diffstat), and the limit. */
  sizes: PatchSize[];
  limitKb: number;
  /** With `each`: the first step that does not hold together, in words, or null when every step does. */
  firstBroken: string | null;
  /** The export's size with and without copy detection (null when the check stopped early). */
  exportSize?: ExportSize | null;
  /** One line for people: "12 patches apply on upstream; the tree equals the target's (1a2b3c4)". */
  summary: string;
}

export interface ExportedFile {
  name: string;
  patchId: string | null;
  recipients: Recipients;
}

/** checkpatch.pl on each exported patch, or why it did not run. */
export interface CheckpatchReport {
  ran: boolean;
  /** Why it did not run ("The tree has no scripts/checkpatch.pl, …"), or null. */
  reason: string | null;
  /** Per patch file (not the cover letter): its ERROR/WARNING/CHECK lines with the place each names. */
  perPatch: { file: string; findings: string[] }[];
}

/** The export's size as mail, with the fork's copies of twins as copies and with every copy as a new file. */
export interface ExportSize {
  withCopies: number;
  withoutCopies: number;
}

export interface ExportReport {
  dir: string;
  version: number;
  tip: string;
  base: string;
  files: ExportedFile[];
  branch: string | null;
  treeMatches: boolean;
  /** `git range-diff` against the previous version, or null for the first. */
  rangeDiff: string | null;
  /** The series' change-id, the same in every version (b4's `change-id:`). */
  changeId: string;
  /** The cover letter's changelog against the previous version, or null. */
  changelog: string | null;
  checkpatch: CheckpatchReport;
}

export interface DriftPatch {
  patchId: string;
  subject: string;
  applies: boolean;
  reason: string | null;
  upstreamCommits: { commit: string; author: string; date: string; subject: string }[];
}

export interface DriftReport {
  oldBase: string;
  newBase: string;
  moved: boolean;
  patches: DriftPatch[];
  summary: string;
}
