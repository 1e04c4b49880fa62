/**
 * The only bridge between the sandboxed page and the main process. It exposes exactly one
 * function per API channel and a push subscription, and nothing of ipcRenderer itself: the page
 * cannot send on any other IPC channel or see the IPC event (whose `sender` is ipcRenderer).
 * Bundled to CommonJS by scripts/build.mjs, as a sandboxed preload can only require 'electron'.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, type Push } from '../../shared/api';
import { CALL_CHANNEL, PUSH_CHANNEL } from './ipc-channels';

const api: Record<string, (request: unknown) => Promise<unknown>> = {};
for (const channel of CHANNELS) {
  api[channel] = (request: unknown) => ipcRenderer.invoke(CALL_CHANNEL, channel, request);
}

function onPush(listener: (push: Push) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('onPush needs a function.');
  const forward = (_event: IpcRendererEvent, push: Push) => listener(push);
  ipcRenderer.on(PUSH_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(PUSH_CHANNEL, forward);
  };
}

contextBridge.exposeInMainWorld('mergeSprint', { api: Object.freeze(api), onPush });
