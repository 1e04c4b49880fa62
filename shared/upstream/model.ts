/**
 * The upstream move (../../DESIGN.md: "moving the sprint's base to a newer upstream, porting twin
 * changes"): what moving the sprint's upstream ref from its current base to a newer upstream
 * commit means, for the upstream commits in scope and for every fork copy whose twin changed.
 */
import type { ConflictHunk } from '../rename/model';

export interface UpstreamCommit {
  commit: string;
  author: string;
  date: string;
  subject: string;
}

/** Why a twin's change cannot be carried into its copy line by line, or 'content' when the hunks say where. */
export type TwinConflictReason = 'content' | 'binary' | 'deleted-upstream' | 'mode' | 'symlink' | 'submodule';

/** A fork copy whose upstream twin changed between the old and the new base. */
export interface TwinPort {
  /** The fork copy (`arch/xen/i386/kernel/setup.c`). */
  path: string;
  /** Its upstream twin (`arch/i386/kernel/setup.c`). */
  twin: string;
  status: 'clean' | 'conflict';
  /** The copy has upstream's change already (a clean port that writes nothing). */
  alreadyThere: boolean;
  reason: TwinConflictReason | null;
  /** Conflicting hunks: `source` is the copy's lines, `base` the old twin's, `destination` the new twin's. */
  hunks: ConflictHunk[];
}

export interface UpstreamPreview {
  /** The sprint's upstream ref before the move, as the plan names it. */
  upstreamRef: string;
  /** Its commit: the current base. */
  base: string;
  /** The new upstream, as typed, and its commit. */
  toRef: string;
  to: string;
  /** The branch the merge is committed on, and its commit. */
  branch: string;
  head: string;
  /** Upstream commits since the base that touch files in scope (the pairings' upstream folders), newest first. */
  commits: UpstreamCommit[];
  twins: TwinPort[];
  /** Files the merge of the new upstream into the branch conflicts in (the apply stops on them). */
  mergeConflicts: string[];
}

export interface UpstreamApplied extends UpstreamPreview {
  /** The merge commit now on the branch; null when a twin's port conflicts, and nothing was written. */
  commit: string | null;
  /** Fork copies the commit changed with their twin's change. */
  ported: string[];
}
