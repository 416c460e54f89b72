/**
 * How the benchmark (and its test) runs each peer build: the commands a Hugo
 * or Eleventy user types, with the output folder given.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Command {
  command: string;
  args: string[];
  cwd: string;
}

/** Eleventy's command line (its package's `bin`), as `npx @11ty/eleventy` runs it, without npx's own start-up. */
const ELEVENTY_CLI = path.resolve(path.dirname(fileURLToPath(import.meta.resolve('@11ty/eleventy'))), '..', 'cmd.cjs');

/** How to get Hugo, for the messages that say it is missing. */
export const HUGO_INSTALL =
  'install it with `sudo apt-get install -y hugo` (Debian, Ubuntu; v0.111 or later), or point HUGO at its binary (`HUGO=/path/to/hugo`)';

/** Hugo's binary (HUGO, or `hugo` on the PATH) and its version; undefined when there is none. */
export function findHugo(): { binary: string; version: string } | undefined {
  const binary = process.env.HUGO || 'hugo';
  const probe = spawnSync(binary, ['version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return undefined;
  return { binary, version: /v\d+\.\d+\.\d+\S*/.exec(probe.stdout)?.[0] ?? probe.stdout.trim() };
}

/** `hugo` in the site's folder, as its users build it. */
export function hugoBuild(binary: string, siteDir: string, outputDir: string): Command {
  return { command: binary, args: ['--quiet', '--destination', outputDir], cwd: siteDir };
}

/** `npx @11ty/eleventy --quiet` in the site's folder (the usual site and the bare one alike). */
export function eleventyBuild(siteDir: string, outputDir: string): Command {
  return { command: process.execPath, args: [ELEVENTY_CLI, '--quiet', `--output=${outputDir}`], cwd: siteDir };
}
