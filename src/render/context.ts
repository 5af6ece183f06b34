/** What every renderer runs with: where it may read, the room it runs in, its limits. */
import type { ChartFetcher } from '../charts/fetch.js';
import type { RenderSettings } from '../config/types.js';
import type { CapabilitiesChoice } from './capabilities.js';
import type { Boundary } from './containment.js';
import type { RenderSandbox } from './sandbox.js';
import type { ToolOverrides } from './tools.js';

export interface RenderContext {
  boundary: Boundary;
  sandbox: RenderSandbox;
  settings: RenderSettings;
  tools: ToolOverrides;
  /** Fetches charts from repositories and registries, once per run. */
  charts: ChartFetcher;
  /** What helm reports as `.Capabilities`. */
  capabilities: CapabilitiesChoice;
}
