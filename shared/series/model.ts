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

/** How the proposal cuts the series; a plan setting (`series.settings`), these defaults until set. */
export interface SeriesSettings {
  /** Each patch's limit as mail, in KB (the kernel's lists take about 100). */
  maxPatchKb: number;
  /** Keep the new support (the added folders) as one final patch, whatever its size. */
  wholeSupport: boolean;
}

export const defaultSeriesSettings: SeriesSettings = { maxPatchKb: 100, wholeSupport: false };

export const seriesSettingsOf = (series: Pick<SeriesPlan, 'settings'>): SeriesSettings => series.settings ?? defaultSeriesSettings;

export interface SeriesPlan {
  /** The ref the series is cut towards (the fork ref unless the user names another). */
  target: string | null;
  /** Upstream commit the series was proposed on. */
  base: string | null;
  patches: Record<string, SeriesPatch>;
  patchOrder: string[];
  versions: SeriesVersion[];
  settings?: SeriesSettings;
}

export const emptySeries = (): SeriesPlan => ({ target: null, base: null, patches: {}, patchOrder: [], versions: [] });
