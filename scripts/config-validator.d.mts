import type { Plugin } from 'esbuild';

/** ESM source exporting `validateConfig`, the precompiled twin of src/config/schema-validator.ts. */
export function standaloneValidatorSource(root: string): Promise<string>;

/** esbuild plugin: src/config/schema-validator.ts is bundled as its standalone code. */
export function configValidatorPlugin(root: string): Plugin;
