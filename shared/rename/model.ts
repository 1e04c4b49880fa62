/** The rename plan's model: rules with a phase, and named build checks. */

export type RenamePhase = 'planned' | 'copied' | 'moved' | 'abandoned';

export interface RenameRule {
  id: string;
  /** Source path, a folder or a file, relative to the repository root. */
  from: string;
  /** Destination path. */
  to: string;
  phase: RenamePhase;
  /** Commit that made the interim copy (the merge base for drift and sync). */
  copyCommit: string | null;
  /** Commit that finished the move. */
  moveCommit: string | null;
}

export interface BuildCheck {
  id: string;
  name: string;
  command: string;
  /** Last run: pass/fail with the commit it ran on. */
  last: { commit: string; passed: boolean; at: string; exitCode: number | null } | null;
}
