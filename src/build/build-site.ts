import Eleventy from '@11ty/eleventy';
import { loadArchive } from '../content/load.ts';
import type { Archive } from '../content/model.ts';
import type { ContentProblem } from '../content/problems.ts';
import { configureSite } from './configure.ts';
import type { EleventyConfig } from './eleventy-types.ts';
import { inProjectFolder, prepareOutputFolder, protectedFolders, replaceOutputFolder } from './output-folder.ts';
import { defaultPhotoCache, PhotoEncoder } from './photo-encoder.ts';

/** What to build, and where: the command line's `--content`, `--output` and `--path-prefix`. */
export interface BuildOptions {
  contentDir: string;
  outputDir: string;
  /** Always starts and ends with "/". */
  pathPrefix: string;
}

export interface BuildSiteOptions extends BuildOptions {
  /** The project's own folder, which the output folder may never be (nor hold). */
  projectDir: string;
  /** Where encoded photos are kept between builds (default `.cache/photos/` or $PHOTOS_CACHE). */
  photoCache?: string;
  /** Called with Eleventy's configuration after the site's own: the benchmark listens to its events there. */
  observe?: (eleventyConfig: EleventyConfig) => void;
}

export type BuildResult =
  | { ok: false; problems: ContentProblem[] }
  | {
      ok: true;
      archive: Archive;
      files: number;
      photos: { encoded: number; reused: number; cacheDir: string };
      /** Where the time went, for the benchmark: loading and validating (photos encoded in it), and rendering and writing the site. */
      timings: { loadMs: number; siteMs: number };
    };

/**
 * The build, the one way `npm run build`, the benchmark and the tests make the
 * site: checks the output folder (a refused one throws OutputFolderError before
 * any work), loads and validates the content (its problems are the result, and
 * nothing is written), encodes the photos, renders the site with Eleventy into
 * a new folder with the search index, and puts it in place of the old site.
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuildResult> {
  const folders = protectedFolders(options.contentDir, options.projectDir);
  // A refused output folder is said before any work; an interrupted build's site is put back first.
  await prepareOutputFolder(options.outputDir, folders);
  await inProjectFolder(options.projectDir);
  // Photos are checked with the rest of the content, and encoded (or found in the cache) only when it has no mistakes.
  const photos = new PhotoEncoder({ cacheDir: options.photoCache ?? defaultPhotoCache() });
  const started = performance.now();
  const { archive, problems } = await loadArchive(options.contentDir, { photos });
  if (!archive) return { ok: false, problems };
  const timings = { loadMs: performance.now() - started, siteMs: 0 };
  let files = 0;
  await replaceOutputFolder(options.outputDir, folders, async (folder) => {
    const siteStarted = performance.now();
    files = await writeSite({ ...options, outputDir: folder }, archive, photos);
    timings.siteMs = performance.now() - siteStarted;
  });
  return { ok: true, archive, files, photos: { ...photos.counts, cacheDir: photos.cacheDir }, timings };
}

/**
 * Renders a validated archive into `outputDir` with Eleventy, then copies in
 * the photos the archive's pages show (encoded while the archive was loaded);
 * returns the number of files written.
 */
async function writeSite(options: BuildSiteOptions, archive: Archive, photos: PhotoEncoder): Promise<number> {
  const eleventy = new Eleventy('templates', options.outputDir, {
    quietMode: true,
    pathPrefix: options.pathPrefix,
    config: (eleventyConfig) => {
      configureSite(eleventyConfig, { contentDir: options.contentDir, archive, pathPrefix: options.pathPrefix });
      options.observe?.(eleventyConfig);
    },
  });
  const [copied, templates] = await eleventy.write();
  const photoFiles = await photos.copyInto(options.outputDir);
  return copied.length + templates.length + photoFiles;
}
