/**
 * The part of Eleventy's configuration API this project uses. Eleventy ships
 * its types as JSDoc in JavaScript, which a strict TypeScript build cannot read.
 */
export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addPlugin<T>(plugin: (config: EleventyConfig, options: T) => void, options?: T): void;
  addTransform(name: string, transform: (this: { page: { url: string; outputPath: string | false } }, content: string) => unknown): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  addWatchTarget(path: string): void;
  on(event: string, handler: (...args: never[]) => unknown): void;
  setInputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setOutputDirectory(dir: string): void;
  setServerOptions(options: Record<string, unknown>): void;
  setChokidarConfig(options: Record<string, unknown>): void;
  setQuietMode(quiet: boolean): void;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
}

/**
 * An Eleventy instance in watch mode, as `npm start` runs it (its programmatic
 * API): the benchmark and the dev-server test drive one. `watcher` is chokidar's,
 * which lists what it watches (and takes a change
 * reported by hand as one it saw).
 */
export interface WatchingEleventy {
  init(): Promise<unknown>;
  watch(): Promise<unknown>;
  watcher?: { getWatched(): Record<string, string[]>; emit(event: 'change', file: string): boolean };
  stopWatch(): Promise<unknown>;
}
