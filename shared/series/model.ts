/** The patch series' model: ordered patches cut from upstream..target. */

export interface SeriesPatch {
  id: string;
  subject: string;
  description: string;
  /** Person id of the author; null means the subsystem owner or the sprint's actor. */
  author: string | null;
  /** Fork-side paths this patch carries. */
  files: string[];
}

export interface SeriesVersion {
  version: number;
  /** Commit id of the tip of the series as exported (for range-diff between versions). */
  tip: string;
  base: string;
  at: string;
}

export interface SeriesPlan {
  /** The ref the series is cut towards (the fork ref unless the user names another). */
  target: string | null;
  /** Upstream commit the series was proposed on. */
  base: string | null;
  patches: Record<string, SeriesPatch>;
  patchOrder: string[];
  versions: SeriesVersion[];
}

export const emptySeries = (): SeriesPlan => ({ target: null, base: null, patches: {}, patchOrder: [], versions: [] });
