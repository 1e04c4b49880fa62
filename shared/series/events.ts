/** Plan events of the patch series. */
import type { SeriesPatch, SeriesVersion } from './model';

export type SeriesEvent =
  /** A new proposal: replaces the patches and their order; earlier versions are kept. */
  | { type: 'series.propose'; target: string; base: string; patches: SeriesPatch[] }
  | { type: 'series.patch.put'; patch: SeriesPatch }
  | { type: 'series.patch.remove'; patchId: string }
  | { type: 'series.reorder'; order: string[] }
  /**
   * Upserts whole patches and removes ids in one step: what merge, split and moving a file do,
   * and the inverse of any series change (undo). `order` is the whole patch order afterwards.
   */
  | { type: 'series.patches.put'; patches: SeriesPatch[]; remove: string[]; order?: string[] }
  | { type: 'series.version'; version: SeriesVersion };
