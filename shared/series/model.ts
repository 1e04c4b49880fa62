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
  /** b4's change-id: the same for every version of the series (the first version's). */
  changeId?: string;
  /** The cover letter's Message-Id, which later versions' cover letters reply to. */
  coverMessageId?: string;
}

/** A card owner's own sign-off, given by that person (the card's Sign off action): who and when. */
export interface SignOff {
  personId: string;
  name: string;
  email: string;
  at: string;
}

/** The cover letter as the team wrote it (`series cover --file`): its subject and text. */
export interface SeriesCover {
  subject: string;
  blurb: string;
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
  /** Sign-offs by subsystem id; a patch carries those of the cards whose files it holds. */
  signOffs?: Record<string, SignOff>;
  /** The cover letter's words, or none for the one made from the sprint. */
  cover?: SeriesCover | null;
}

export const emptySeries = (): SeriesPlan => ({ target: null, base: null, patches: {}, patchOrder: [], versions: [] });
