/** Errors cross every boundary (IPC, HTTP, CLI) as values, never as thrown objects. */
export type ErrorCode =
  | 'not-a-repository'
  | 'bare-repository'
  | 'empty-repository'
  | 'unknown-ref'
  | 'bad-path'
  | 'bad-input'
  | 'not-found'
  | 'conflict'
  | 'refused'
  | 'no-plan'
  | 'git-failed'
  | 'internal';

export interface AppError {
  code: ErrorCode;
  /** What was wrong and what to do, in words a user reads. */
  message: string;
  /** For git failures: the operation, its arguments, git's own message and what kind of failure it was (`ref-locked`, ...). */
  detail?: { operation?: string; args?: string[]; stderr?: string; exitCode?: number; kind?: string };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, detail?: AppError['detail']): { ok: false; error: AppError } => ({
  ok: false,
  error: detail ? { code, message, detail } : { code, message },
});
