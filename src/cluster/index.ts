/** The cluster adapter: discovery, batched LIST and server-side-apply dry runs. I/O only. */
export { type ClusterClient, type ClusterTarget, connectCluster } from './connect.js';
export { type DryRunOptions, type DryRunOutcome, FIELD_MANAGER } from './dry-run.js';
export { ReadForbiddenError } from './errors.js';
export { COMMONLY_OWNED_KINDS, type LiveState, type ReadLiveOptions } from './live.js';
export type { ScopeResolution } from './scopes.js';
export type { TransportOptions } from './transport.js';
