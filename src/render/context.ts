/** What every renderer runs with: where it may read, the room it runs in, its limits. */
import type { RenderSettings } from '../config/types.js';
import type { Boundary } from './containment.js';
import type { RenderSandbox } from './sandbox.js';
import type { ToolOverrides } from './tools.js';

export interface RenderContext {
  boundary: Boundary;
  sandbox: RenderSandbox;
  settings: RenderSettings;
  tools: ToolOverrides;
}
