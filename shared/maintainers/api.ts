/** Channels of the MAINTAINERS import and the maintainers map (see shared/api.ts). */
import { z } from 'zod';
import { channel } from '../channel';
import { repoPathSchema } from '../plan/field-rules';
import type { MaintainersBinding } from './map';
import type { FolderSuggestion } from './suggest';

/** What importing the file would do, asked before the import replaces any card. */
export interface ImportPreview {
  path: string;
  /** Cards on the board now, and after the import. */
  before: number;
  after: number;
  /** Cards that keep their owner, state and branch (a section whose card is there already). */
  kept: number;
  /** Files in scope that no section covers. */
  unmatched: number;
  /** Sections whose files come from the maintainers map rather than F: lines. */
  mapped: number;
  warnings: string[];
}

export interface MaintainersMapRow {
  section: string;
  /** 1-based line of the section's title in the file. */
  line: number;
  maintainers: string[];
  lists: string[];
  /** The section has F: or N: lines of its own. */
  hasPatterns: boolean;
  /** The folders the plan binds it to. */
  folders: string[];
  /** Folders its title and lists suggest (sections without F: lines only). */
  suggested: FolderSuggestion[];
}

export interface MaintainersMapReport {
  path: string;
  /** No section has F: lines (a file from before 2009): subsystems and To/Cc need the map. */
  needsMap: boolean;
  rows: MaintainersMapRow[];
  /** Bindings of the plan whose section this file does not have (renamed or removed). */
  stale: MaintainersBinding[];
}

const request = z.object({ path: repoPathSchema.optional() });

export const maintainersChannels = {
  /** What `subsystems.importMaintainers` would do, without doing it: the app asks before replacing cards. */
  'maintainers.preview': channel<ImportPreview>()(request),
  /** The file's sections with the plan's map and suggestions; the map itself changes through `plan.change` (`maintainers.map`). */
  'maintainers.map': channel<MaintainersMapReport>()(request),
} as const;
