/**
 * The one request pipeline, whichever way a call came in (Electron IPC, the room server, the
 * command line): the channel must exist, the client must be allowed to call it
 * (shared/access.ts), the request must match its schema, and then either the host's own entry
 * answers it (app.info, repo.open, repo.openDemo: what only a window or a room server knows) or
 * the feature handlers do with the caller's repository services. Whatever a handler throws
 * comes back as a Result error in words.
 */
import type { z } from 'zod';
import { refusalFor, type Client } from '../../../shared/access';
import { contract, isChannel, type Channel, type ParsedReq, type Res } from '../../../shared/api';
import { fail, type AppError, type Result } from '../../../shared/result';
import type { Handlers, RepoServices } from '../context';
import { GitError } from '../git/errors';
import { featureHandlers, type HostChannel } from './features';

/** The channels a host answers itself, for a caller of its own kind (a window, a room browser). */
export type HostEntries<Caller> = { [K in HostChannel]: (caller: Caller, request: ParsedReq<K>) => Promise<Result<Res<K>>> };

export interface HostSpec<Caller> {
  entries: HostEntries<Caller>;
  clientOf(caller: Caller): Client;
  /** The caller's repository, or why it has none (no repository open in that window). */
  servicesOf(caller: Caller): Promise<Result<RepoServices>>;
  /** Default: every feature's handlers. */
  features?: Handlers<Exclude<Channel, HostChannel>>;
}

export interface ApiHost<Caller> {
  /** Answers one call. Never throws. */
  call(caller: Caller, channel: unknown, request: unknown): Promise<Result<unknown>>;
}

type AnyHandler = (ctx: RepoServices, request: unknown) => Promise<Result<unknown>>;
type AnyEntry<Caller> = (caller: Caller, request: unknown) => Promise<Result<unknown>>;

/** `pairings[0].fork` for a zod issue path. */
function fieldName(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  return out;
}

/** The bad fields of a request, in words: `upstreamRef is missing; pairings[0].fork: expected string, received number`. */
export function describeIssues(channel: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const field = fieldName(issue.path);
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    if (missing) return `${field || 'the request'} is missing`;
    const message = issue.message.replace(/^Invalid input: /, '');
    return field ? `${field}: ${message}` : message;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : '';
  return `The request for ${channel} is not valid: ${parts.join('; ')}${more}.`;
}

/** A GitError as the user reads it, with git's own words kept in `detail`. */
export function gitFailure(error: GitError): { ok: false; error: AppError } {
  const firstLine = error.stderr.trim().split('\n')[0] ?? '';
  return fail('git-failed', `git ${error.operation} failed${firstLine ? `: ${firstLine}` : ''}.`, {
    operation: error.operation,
    args: error.args,
    stderr: error.stderr,
    kind: error.kind,
    ...(error.exitCode === null ? {} : { exitCode: error.exitCode }),
  });
}

const isHostChannel = (channel: Channel, entries: object): channel is HostChannel => Object.prototype.hasOwnProperty.call(entries, channel);

/** The services as one call sees them: a room client acts as the person it chose, never as the server's git user. */
function asCaller(services: RepoServices, client: Client): RepoServices {
  const actor = client.kind === 'room' && client.actor !== null ? client.actor : services.actor;
  return { ...services, client, actor };
}

export function createApiHost<Caller>(spec: HostSpec<Caller>): ApiHost<Caller> {
  const features = spec.features ?? featureHandlers;
  return {
    async call(caller, channel, rawRequest) {
      if (typeof channel !== 'string' || !isChannel(channel)) {
        return fail('bad-input', `There is no API call named ${JSON.stringify(String(channel).slice(0, 80))}.`);
      }
      // Before the request is even read: a refused client learns nothing from validation messages.
      const client = spec.clientOf(caller);
      const refused = refusalFor(channel, client);
      if (refused) return fail('refused', refused);
      const parsed = contract[channel].request.safeParse(rawRequest ?? {});
      if (!parsed.success) return fail('bad-input', describeIssues(channel, parsed.error));
      try {
        if (isHostChannel(channel, spec.entries)) return await (spec.entries[channel] as AnyEntry<Caller>)(caller, parsed.data);
        const services = await spec.servicesOf(caller);
        if (!services.ok) return services;
        const handler = features[channel] as AnyHandler;
        return await handler(asCaller(services.value, client), parsed.data);
      } catch (error) {
        if (error instanceof GitError) return gitFailure(error);
        return fail('internal', `Merge Sprint failed while answering ${channel}: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
