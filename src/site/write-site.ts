import Eleventy from '@11ty/eleventy';
import configure from '../../.eleventy.ts';
import type { BuildOptions } from '../cli/options.ts';
import type { Archive } from '../content/model.ts';

/** Renders a validated archive into `outputDir` with Eleventy; returns the number of files written. */
export async function writeSite(options: BuildOptions, archive: Archive): Promise<number> {
  const eleventy = new Eleventy('templates', options.outputDir, {
    quietMode: true,
    pathPrefix: options.pathPrefix,
    config: (eleventyConfig) => configure(eleventyConfig, { contentDir: options.contentDir, archive, pathPrefix: options.pathPrefix }),
  });
  const [copied, templates] = await eleventy.write();
  return copied.length + templates.length;
}
