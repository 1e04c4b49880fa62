/**
 * The export as a download: the same cover letter and patch files as a folder export (the same
 * code writes them), made in a temporary folder that is removed before answering, and sent as a
 * .zip. A browser in the room gets this instead of naming a folder on the server's disk.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { Actor } from '../../../shared/model';
import { ok, type Result } from '../../../shared/result';
import type { SeriesArchive } from '../../../shared/series/api';
import type { SeriesVersion } from '../../../shared/series/model';
import { prepareSeries, recordVersion, writeSeriesFiles, type CoverOptions, type WrittenSeries } from './export';
import type { ExportedFile } from '../../../shared/series/reports';
import type { SeriesInput } from './load';

export interface ArchiveOptions extends CoverOptions {
  /** The time recorded with the version, and the files' time in the archive. */
  now?: Date;
}

/** A name for the download made of the target's name, safe in any file system: "xen-v2". */
export function archiveName(target: string, version: number): string {
  const plain = target.replace(/^refs\/(heads|tags|remotes)\//, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return `${plain || 'series'}-v${version}`;
}

/** The files of a folder as zip entries inside one folder of the archive, in series order. */
function zipOf(dir: string, folder: string, files: ExportedFile[], at: Date): Uint8Array {
  const entries: Zippable = {};
  for (const f of files) entries[`${folder}/${f.name}`] = [new Uint8Array(readFileSync(path.join(dir, f.name))), { mtime: at }];
  return zipSync(entries, { level: 6 });
}

export async function archiveSeries(input: SeriesInput, actor: Actor, options: ArchiveOptions): Promise<Result<{ archive: SeriesArchive; version: SeriesVersion }>> {
  const series = await prepareSeries(input, actor);
  if (!series.ok) return series;
  const now = options.now ?? new Date();
  const name = archiveName(input.target, series.value.version);
  const scratch = mkdtempSync(path.join(tmpdir(), 'merge-sprint-archive-'));
  let written: WrittenSeries;
  let zip: Uint8Array;
  try {
    written = await writeSeriesFiles(input, actor, series.value, scratch, options, now);
    zip = zipOf(scratch, name, written.files, now);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const version = await recordVersion(input, series.value, written, now);
  return ok({
    archive: {
      fileName: `${name}.zip`,
      mediaType: 'application/zip',
      base64: Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength).toString('base64'),
      version: series.value.version,
      tip: series.value.tip,
      base: input.base,
      files: written.files,
      treeMatches: true,
      rangeDiff: written.rangeDiff,
      changeId: written.changeId,
      changelog: written.changelog,
      checkpatch: written.checkpatch,
    },
    version,
  });
}
