/** The parts of a MAINTAINERS file, as parse.ts reads them and match.ts matches them against paths. */

export interface MaintainersEntry {
  /** The field letter: M, R, L, S, F, X, N, K, T, W, Q, B, C, P. */
  tag: string;
  value: string;
  /** 1-based line number in the file. */
  line: number;
}

export interface MailAddress {
  /** Display name, '' when the entry gave only an address. */
  name: string;
  email: string;
}

export interface MaintainersSection {
  title: string;
  /** 1-based line of the title. */
  line: number;
  /** M: (patches go To them). Old files name the person on a P: line before a bare M: address. */
  maintainers: MailAddress[];
  /** R: reviewers (Cc). */
  reviewers: MailAddress[];
  /** L: mailing list addresses (Cc), without notes such as "(moderated for non-subscribers)". */
  lists: string[];
  /** The first S: value (Supported, Maintained, Odd Fixes, Orphan, Obsolete…), or null. */
  status: string | null;
  /** F: file patterns. */
  files: string[];
  /** X: excluded file patterns. */
  excludes: string[];
  /** N: regular expressions on paths. */
  regexes: string[];
  /** K: content keywords. */
  keywords: string[];
  /** Every entry in file order, including the fields above. */
  entries: MaintainersEntry[];
}

export interface MaintainersParse {
  sections: MaintainersSection[];
  warnings: string[];
}
