/**
 * The only place that registers IPC handlers. One channel carries every API call; before a
 * call reaches the workspace, the sender is checked (our renderer page, in a window's top frame)
 * and the channel name is checked against the contract; the dispatcher validates the request.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Push } from '../../shared/api';
import { fail } from '../../shared/result';
import { CALL_CHANNEL, PUSH_CHANNEL } from './ipc-channels';
import { isTrustedSender, type SenderFrame } from './security';
import type { Workspace } from './workspace';

/** Registers the API handler; returns a function that removes it. */
export function registerIpc(workspace: Workspace, rendererUrl: string): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event: IpcMainInvokeEvent, channel: unknown, request: unknown) => {
    if (!isTrustedSender(senderFrameOf(event), rendererUrl)) {
      return fail('refused', 'Only the Merge Sprint board page may call the app.');
    }
    const window = BrowserWindow.fromWebContents(event.sender);
    if (window === null) return fail('refused', 'The calling page is not in a Merge Sprint window.');
    return workspace.call(window.id, channel, request);
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}

/** Pushes to one window's page, unless it is already gone. */
export function sendPush(contents: WebContents, push: Push): void {
  if (!contents.isDestroyed()) contents.send(PUSH_CHANNEL, push);
}

/** The frame that sent the message; null once it navigated away or was destroyed. */
function senderFrameOf(event: IpcMainInvokeEvent): SenderFrame | null {
  const frame = event.senderFrame;
  if (frame === null || frame.isDestroyed()) return null;
  const top = event.sender.mainFrame;
  const isTopFrame = frame.parent === null && frame.processId === top.processId && frame.routingId === top.routingId;
  return { url: frame.url, isTopFrame };
}
