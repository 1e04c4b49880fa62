/**
 * The two IPC channel names, shared by the main process and the preload. Kept apart from
 * everything else because the sandboxed preload may only require 'electron': whatever it imports
 * is bundled into it, so this file imports nothing.
 */
export const CALL_CHANNEL = 'merge-sprint:call';
export const PUSH_CHANNEL = 'merge-sprint:push';
