/**
 * The host of the room server and the command line, which each serve one repository: its own
 * entries say so (app.info in room mode, repo.open of that repository only), and every call
 * goes to that repository's services as the client that made it.
 */
import { OWNER, type Client } from '../../../shared/access';
import { fail, ok, type Result } from '../../../shared/result';
import type { RepoServices } from '../context';
import { repoSummary } from '../repo/summary';
import { createApiHost, type ApiHost } from './host';

export interface OneRepositoryCaller {
  services: RepoServices;
  client: Client;
}

const ONE_REPOSITORY = 'The room server serves one repository: start another `merge-sprint serve --repo PATH` to share a different one.';

export const oneRepositoryHost: ApiHost<OneRepositoryCaller> = createApiHost<OneRepositoryCaller>({
  clientOf: (caller) => caller.client,
  servicesOf: async (caller) => ok(caller.services),
  entries: {
    'app.info': async ({ services, client }) =>
      ok({
        mode: 'room',
        repoPath: services.repo,
        recent: [],
        // A browser is who it chose to be, or nobody yet: never the server's own git user.
        actor: client.kind === 'room' ? client.actor : services.actor,
        canOpen: false,
        allowRepoChanges: client.kind === 'owner' || client.allowRepoChanges,
      }),
    'repo.open': async ({ services }, { path }) => (path === services.repo ? ok(await repoSummary(services)) : fail('refused', ONE_REPOSITORY)),
    'repo.openDemo': async () => fail('refused', ONE_REPOSITORY),
  },
});

/** One call to the repository's services, as the owner unless told otherwise. Never throws. */
export function callRepo(services: RepoServices, channel: string, request: unknown, client: Client = OWNER): Promise<Result<unknown>> {
  return oneRepositoryHost.call({ services, client }, channel, request);
}
