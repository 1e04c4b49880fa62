/** Plan events of the patch series. */
import type { SeriesPatch, SeriesVersion } from './model';

export type SeriesEvent =
  | { type: 'series.propose'; target: string; base: string; patches: SeriesPatch[] }
  | { type: 'series.patch.put'; patch: SeriesPatch }
  | { type: 'series.patch.remove'; patchId: string }
  | { type: 'series.reorder'; order: string[] }
  | { type: 'series.version'; version: SeriesVersion };
