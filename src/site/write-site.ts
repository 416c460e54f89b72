import Eleventy from '@11ty/eleventy';
import configure from '../../.eleventy.ts';
import type { BuildOptions } from '../cli/options.ts';
import type { Archive } from '../content/model.ts';
import type { PhotoEncoder } from './photos.ts';

/**
 * Renders a validated archive into `outputDir` with Eleventy, then copies in
 * the photos the archive's pages show (encoded while the archive was loaded);
 * returns the number of files written.
 */
export async function writeSite(options: BuildOptions, archive: Archive, photos?: PhotoEncoder): Promise<number> {
  const eleventy = new Eleventy('templates', options.outputDir, {
    quietMode: true,
    pathPrefix: options.pathPrefix,
    config: (eleventyConfig) => configure(eleventyConfig, { contentDir: options.contentDir, archive, pathPrefix: options.pathPrefix }),
  });
  const [copied, templates] = await eleventy.write();
  const photoFiles = photos ? await photos.copyInto(options.outputDir) : 0;
  return copied.length + templates.length + photoFiles;
}
