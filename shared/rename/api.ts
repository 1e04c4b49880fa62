/** Channels of the rename plan and build checks (see shared/api.ts). */
export const renameChannels = {} as const;

export type RenamePush = { type: 'build.log'; runId: string; chunk: string };
