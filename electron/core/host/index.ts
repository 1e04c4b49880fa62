/** The API host: one request pipeline and the per-repository services it serves. */
export { createApiHost, describeIssues, gitFailure, type ApiHost, type HostEntries, type HostSpec } from './host';
export { featureHandlers, type HostChannel } from './features';
export { callRepo, oneRepositoryHost, type OneRepositoryCaller } from './one-repository';
export { openRepoServices, type RepoServicesOptions } from './services';
