declare module '@11ty/eleventy' {
  import type { EleventyConfig } from './build/eleventy-types.ts';

  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: {
        quietMode?: boolean;
        pathPrefix?: string;
        configPath?: string;
        runMode?: 'build' | 'watch' | 'serve';
        config?: (config: EleventyConfig) => void | Promise<void>;
      },
    );
    write(): Promise<[unknown[], unknown[]]>;
    init(): Promise<unknown>;
    watch(): Promise<unknown>;
    serve(port?: number): Promise<unknown>;
    stopWatch(): Promise<unknown>;
  }
  export function HtmlBasePlugin(config: EleventyConfig, options?: unknown): void;
}
