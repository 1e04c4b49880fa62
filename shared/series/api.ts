/**
 * Channels of the patch series (see shared/api.ts). Edits to the series (reorder, merge, split,
 * move a file, subject/description/author) are plan changes built by shared/series/edit.ts and
 * sent through `plan.change`, so undo and redo work as on the board.
 */
import { z } from 'zod';
import type { PlanSnapshot } from '../plan/snapshot';
import { channel } from '../channel';
import type { CheckReport, DriftReport, ExportReport, SeriesState } from './reports';
import type { PatchSize } from './sizes';

export interface SeriesProposal {
  snapshot: PlanSnapshot;
  /** How many files differ between upstream and the target. */
  files: number;
  /** Changed files in no subsystem (they went into folder patches). */
  unassignedFiles: string[];
  /** Removals placed with their new path, per the rename plan. */
  renames: { from: string; to: string; patchId: string }[];
  /** The largest folder the target adds (its patch is last), or null. */
  newFolder: string | null;
  /** What the proposal did so that every step holds together and each patch fits: splits, moves, merges, patches flagged over the limit. */
  notes: string[];
  sizes: PatchSize[];
  limitKb: number;
}

export interface CoverPreview {
  version: number;
  subject: string;
  /** The text as it would be sent, with the changelog against the previous version when there is one. */
  blurb: string;
  changelog: string | null;
}

export interface RangeDiff {
  from: number;
  to: number;
  text: string;
}

/**
 * An export as a download (what a browser in the room gets instead of a folder on the server's
 * disk): the cover letter and patch files in one .zip, with what the export reports besides.
 */
export interface SeriesArchive extends Omit<ExportReport, 'dir' | 'branch'> {
  /** For example "xen-v2.zip"; the files are in a folder of the same name inside it. */
  fileName: string;
  mediaType: 'application/zip';
  base64: string;
}

const coverSchema = {
  coverSubject: z.string().max(500).optional(),
  coverBlurb: z.string().max(100000).optional(),
};

const runIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/);

export const seriesChannels = {
  'series.propose': channel<SeriesProposal>()(z.object({ target: z.string().min(1).max(1000).optional() })),
  'series.get': channel<SeriesState>()(z.object({})),
  'series.check': channel<CheckReport>()(
    z.object({
      /** A build check of the plan, by name or id, to run after each patch. */
      build: z.string().min(1).max(200).optional(),
      lineLimit: z.number().int().positive().optional(),
      /** Check that every step holds together (Makefiles, Kconfig, includes), and name the first that does not. */
      each: z.boolean().optional(),
      /** Chosen by the client so it can follow the log (`series.log` pushes) and cancel. */
      runId: runIdSchema.optional(),
    }),
  ),
  'series.cancel': channel<{ canceled: boolean }>()(z.object({ runId: runIdSchema })),
  'series.export': channel<ExportReport>()(
    z.object({
      out: z.string().min(1).max(4096),
      branch: z.string().min(1).max(250).optional(),
      replace: z.boolean().optional(),
      ...coverSchema,
    }),
  ),
  /**
   * The same export as a .zip download: nothing is written on the server's disk but a temporary
   * folder. Strict, so a request naming a folder (`out`) or a branch is refused, not ignored.
   */
  'series.archive': channel<SeriesArchive>()(z.strictObject(coverSchema)),
  'series.drift': channel<DriftReport>()(z.object({})),
  /** The cover letter the next export would write: its subject and text, the changelog included. */
  'series.cover': channel<CoverPreview>()(z.object({})),
  'series.rangeDiff': channel<RangeDiff>()(
    z.object({ from: z.number().int().positive().optional(), to: z.number().int().positive().optional() }),
  ),
} as const;

export type SeriesPush = { type: 'series.log'; runId: string; chunk: string };
