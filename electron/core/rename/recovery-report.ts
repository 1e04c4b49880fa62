/** What recovery of the rename plan did on opening, kept with the repository's services. */
import type { Journal } from './journal';

export interface JournalOutcome {
  ruleId: string;
  op: Journal['op'];
  /** The rule's paths, to name it in a message. */
  from: string;
  to: string;
  /**
   * 'completed': the commit was on the branch and the rest was finished; 'not-applied': the
   * branch never moved; 'put-back': the files could not be written, so the branch went back;
   * 'unfinished': something stands in the way (`problem`), the journal stays for the next try.
   */
  outcome: 'completed' | 'not-applied' | 'put-back' | 'unfinished';
  /** Paths left as they were because someone changed them meanwhile (their work is kept). */
  leftAsIs: string[];
  /** What stood in the way, in words (for 'put-back': why the files could not be written). */
  problem?: string;
}

export interface RecoveryReport {
  journal: JournalOutcome | null;
  /** Build worktrees a killed run left behind, now removed. */
  removedWorktrees: string[];
  /** Rules whose record no longer matches the branch, in words (someone reset or rewrote it). */
  warnings: string[];
}
