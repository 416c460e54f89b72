declare module '@11ty/eleventy' {
  import type { EleventyConfig } from './site/eleventy-types.ts';

  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: { quietMode?: boolean; pathPrefix?: string; configPath?: string; config?: (config: EleventyConfig) => void | Promise<void> },
    );
    write(): Promise<[unknown[], unknown[]]>;
  }
  export function HtmlBasePlugin(config: EleventyConfig, options?: unknown): void;
}
