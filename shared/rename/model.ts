/** The rename plan's model: rules with a phase, and named build checks. */
import type { z } from 'zod';
import type { buildCheckSchema, renamePhaseSchema, renameRuleSchema } from './schema';

/** Rules and build checks are declared once, as the schemas their events are checked with. */
export type RenamePhase = z.infer<typeof renamePhaseSchema>;
export type RenameRule = z.infer<typeof renameRuleSchema>;
/** A build check of the plan: id, name and last result. Its command is the clone's (git config). */
export type BuildCheck = z.infer<typeof buildCheckSchema>;

/** A build check as this clone sees it: its command from the clone's git config, null when not defined on this machine. */
export type LocalBuildCheck = BuildCheck & { command: string | null };

/** A file as a tree holds it: octal mode (100644, 100755, 120000 symlink, 160000 submodule) and object id. */
export interface FileVersion {
  mode: string;
  oid: string;
}

/** Tree entry modes with a meaning of their own. */
export const SYMLINK_MODE = '120000';
export const SUBMODULE_MODE = '160000';

/** What is wrong with a rule, found before anything happens. */
export type RuleProblemCode =
  | 'bad-path'
  | 'no-files'
  | 'destination-exists'
  | 'same-destination'
  | 'nested-rules'
  | 'case-collision'
  | 'symlink-on-path'
  | 'file-on-path'
  | 'inside-itself'
  /** A name git refuses or git fsck rejects: `.git` in any spelling, a `.gitmodules` (and the like) that is a link. */
  | 'git-name'
  /** A `.gitmodules` the copy writes that git cannot parse, or whose submodule names, urls, paths or update commands git fsck rejects. */
  | 'bad-gitmodules'
  /** A `.gitattributes` the copy writes that git fsck rejects (too large, or with a line too long). */
  | 'bad-gitattributes';

export interface RuleProblem {
  code: RuleProblemCode;
  message: string;
  /** The other rule, for problems between two rules. */
  otherRuleId?: string;
}

/**
 * Something about a rule that is allowed but worth knowing before the copy: names that only
 * Windows cannot check out (git, Linux and macOS take them).
 */
export interface RuleWarning {
  code: 'windows-name';
  message: string;
  /** Every path concerned, for the preview to list. */
  paths: string[];
}

/** One file the interim copy would create. */
export interface PreviewFile {
  from: string;
  to: string;
  mode: string;
}

/** A rule as the Rename view lists it: the record, what is wrong with it now, how many files it covers. */
export interface RuleSummary {
  rule: RenameRule;
  problems: RuleProblem[];
  fileCount: number;
}

export interface RuleCheck {
  ruleId: string;
  problems: RuleProblem[];
  warnings: RuleWarning[];
  /** Every file the copy creates (for a copied rule: the files it created, as the source now holds them). */
  files: PreviewFile[];
}

/** Which copy changed since the interim copy. */
export type DriftKind = 'source' | 'destination' | 'both';

export interface DriftFile {
  /** Path inside the rule's folders ('' when the rule names a single file). */
  rel: string;
  sourcePath: string;
  destinationPath: string;
  kind: DriftKind;
  /** As the copy commit made it, and as HEAD holds each side now (null: no such file). */
  base: FileVersion | null;
  source: FileVersion | null;
  destination: FileVersion | null;
}

export interface RuleDrift {
  ruleId: string;
  files: DriftFile[];
}

/** A conflicting region of a three-way merge: each side's lines. */
export interface ConflictHunk {
  /** 1-based line of the hunk in the merged text. */
  line: number;
  source: string[];
  base: string[];
  destination: string[];
}

export interface SyncConflict {
  rel: string;
  sourcePath: string;
  destinationPath: string;
  /** Why it cannot be merged line by line, or 'content' when the hunks say where. */
  reason: 'content' | 'binary' | 'deleted-on-one-side' | 'mode' | 'symlink' | 'submodule';
  hunks: ConflictHunk[];
}

export interface SyncResult {
  ruleId: string;
  /** The sync commit, or null when nothing could be written. */
  commit: string | null;
  /** Files carried from one copy to the other. */
  carried: DriftFile[];
  /** Files changed on both sides and merged cleanly (written to both copies). */
  merged: string[];
  /** Files changed on both sides that conflict: not written. */
  conflicts: SyncConflict[];
}

export type PreferredSide = 'source' | 'destination';

export interface RenameCheckSummary {
  /** Files `git diff -M` shows as renamed; `exact` of them with unchanged content (R100). */
  renamed: number;
  exact: number;
  /** Files of the copy that git does not show as renamed, with the status it shows instead. */
  notRenamed: { status: string; path: string }[];
}

/** How the sprint's pairings and subsystems followed a finished move. */
export interface PlanFollowUp {
  /** Pairings whose fork folder now names the new path. */
  pairings: number;
  /** Subsystems whose files now name the new paths. */
  subsystems: number;
  /** Why pairings and subsystems still name the old paths, when they do (the fork ref is another branch, or the plan refused). */
  leftAlone: string | null;
}

export interface FinishResult {
  ruleId: string;
  commit: string;
  renames: RenameCheckSummary;
  followUp: PlanFollowUp;
}

export interface AbandonResult {
  ruleId: string;
  /** The commit that removed the destination, or null when the copy commit was dropped from the branch. */
  commit: string | null;
  dropped: boolean;
}

export type ReferenceKind = 'include' | 'incbin' | 'makefile' | 'kconfig' | 'documentation';

/** A line of the tree that still names a rule's old path. */
export interface OldPathReference {
  path: string;
  line: number;
  text: string;
  kind: ReferenceKind;
}

export interface RuleReferences {
  ruleId: string;
  references: OldPathReference[];
}

export interface BuildRunResult {
  runId: string;
  buildId: string;
  commit: string;
  passed: boolean;
  exitCode: number | null;
  /** Why it stopped without an exit code of its own. */
  stopped: 'cancelled' | 'timeout' | null;
  at: string;
}
