/** Channels of the patch series (see shared/api.ts). */
export const seriesChannels = {} as const;

export type SeriesPush = { type: 'series.log'; runId: string; chunk: string };
