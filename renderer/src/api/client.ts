/** The renderer's client: the shared `ApiClient`, plus the push connection's state for the header. */
import type { ApiClient } from '../../../shared/api';
import type { AppError } from '../../../shared/result';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface RendererClient extends ApiClient {
  /** Reports the push connection's state now and on every change; returns the unsubscribe function. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

/** An error value for a failure of the transport itself (not of the operation). */
export const transportError = (message: string): { ok: false; error: AppError } => ({
  ok: false,
  error: { code: 'internal', message },
});
