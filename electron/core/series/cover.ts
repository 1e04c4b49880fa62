/**
 * The cover letter's words and a version's identity across versions: the subject and text (the
 * export's own, else the team's from the plan, else made from the sprint), the changelog from
 * the range-diff against the previous version (unless the text has one the team wrote), the
 * change-id that stays the same in every version, and the first version's cover letter, which
 * later ones reply to.
 */
import { randomBytes } from 'node:crypto';
import { changelogOf, hasChangelog, parseRangeDiff } from '../../../shared/series/changelog';
import type { SeriesVersion } from '../../../shared/series/model';
import type { SeriesInput } from './load';

export interface CoverOptions {
  coverSubject?: string;
  coverBlurb?: string;
}

export interface CoverWords {
  subject: string;
  blurb: string;
  changelog: string | null;
}

function defaultBlurb(input: SeriesInput): string {
  const upstream = input.plan.sprint?.upstreamRef ?? 'upstream';
  return [
    `This series brings ${input.target} onto ${upstream} in ${input.patches.length} patches: changes to files`,
    'upstream already has come first, then the patches that add new files.',
    '',
    `Applied in order on ${input.base.slice(0, 12)}, it gives exactly the tree of ${input.target}`,
    `(${input.targetCommit.slice(0, 12)}, tree ${input.targetTree.slice(0, 12)}).`,
  ].join('\n');
}

/** The version exported before `version`, and the first version (what later cover letters reply to). */
export function earlierVersions(input: SeriesInput, version: number): { previous: SeriesVersion | null; first: SeriesVersion | null } {
  const before = input.plan.series.versions.filter((v) => v.version < version);
  return { previous: before.at(-1) ?? null, first: before[0] ?? null };
}

/** How many patches a version had: its commits are the ones the range-diff numbers. */
const totalOf = (rangeDiff: string, side: 'from' | 'to'): number => Math.max(0, ...parseRangeDiff(rangeDiff).map((p) => p[side] ?? 0));

export function coverWords(input: SeriesInput, options: CoverOptions, version: number, rangeDiff: string | null): CoverWords {
  const saved = input.plan.series.cover ?? null;
  const upstream = input.plan.sprint?.upstreamRef ?? 'upstream';
  const subject = options.coverSubject?.trim() || saved?.subject || `${input.target}: ${input.patches.length} patches for ${upstream}`;
  const text = options.coverBlurb?.trim() || saved?.blurb.trim() || defaultBlurb(input);
  const changelog = rangeDiff === null ? null : changelogOf(parseRangeDiff(rangeDiff), version, input.patches.map((p) => p.subject), totalOf(rangeDiff, 'from'));
  const blurb = changelog === null || hasChangelog(text) ? text : `${text}\n\n${changelog}`;
  return { subject, blurb, changelog: hasChangelog(text) ? null : changelog };
}

/** b4's shape, "20261201-xen-3f2a9c1d4b5e": the day, the target's name, and a random part. */
export function newChangeId(target: string, now: Date): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  const name = target.replace(/^refs\/(heads|tags|remotes)\//, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'series';
  return `${day}-${name}-${randomBytes(6).toString('hex')}`;
}

/** The series' change-id: the one its versions carry, else a new one. */
export const changeIdOf = (input: SeriesInput, now: Date): string => input.plan.series.versions.find((v) => v.changeId)?.changeId ?? newChangeId(input.target, now);
