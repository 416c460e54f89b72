/**
 * The part of Eleventy's configuration API this project uses. Eleventy ships
 * its types as JSDoc in JavaScript, which a strict TypeScript build cannot read.
 */
export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addPlugin<T>(plugin: (config: EleventyConfig, options: T) => void, options?: T): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  addWatchTarget(path: string): void;
  on(event: string, handler: (...args: never[]) => unknown): void;
  setInputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setOutputDirectory(dir: string): void;
  setServerOptions(options: Record<string, unknown>): void;
  setChokidarConfig(options: Record<string, unknown>): void;
  setQuietMode(quiet: boolean): void;
}
