import v8 from 'node:v8';
import vm from 'node:vm';
import Eleventy from '@11ty/eleventy';
import { loadArchive } from '../content/load.ts';
import type { Archive } from '../content/model.ts';
import type { ContentProblem } from '../content/problems.ts';
import { configureSite } from './configure.ts';
import type { EleventyConfig } from './eleventy-types.ts';
import { inProjectFolder, prepareOutputFolder, protectedFolders, releaseOutputFolder, replacePreparedFolder } from './output-folder.ts';
import { defaultPhotoCache, PhotoEncoder } from './photo-encoder.ts';
import { PendingSearchIndex } from './search-index.ts';

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

/** Where the time went, for the benchmark: loading and validating (photos encoded in it), rendering and writing the site (the search index included), and of that the search index written after the pages. */
interface BuildTimings {
  loadMs: number;
  siteMs: number;
  searchIndexMs: number;
}

export type BuildResult =
  | { ok: false; problems: ContentProblem[] }
  | {
      ok: true;
      archive: Archive;
      files: number;
      photos: { encoded: number; reused: number; cacheDir: string };
      timings: BuildTimings;
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
  // A refused output folder is said before any work; an interrupted build's site is put back first. The folder is this build's until it ends.
  const target = await prepareOutputFolder(options.outputDir, folders);
  try {
    return await buildInto(options, target);
  } finally {
    await releaseOutputFolder(options.outputDir);
  }
}

async function buildInto(options: BuildSiteOptions, target: string): Promise<BuildResult> {
  await inProjectFolder(options.projectDir);
  // Photos are checked with the rest of the content, and encoded (or found in the cache) only when it has no mistakes.
  const photos = new PhotoEncoder({ cacheDir: options.photoCache ?? defaultPhotoCache() });
  const started = performance.now();
  const { archive, problems } = await loadArchive(options.contentDir, { photos });
  if (!archive) return { ok: false, problems };
  const timings: BuildTimings = { loadMs: performance.now() - started, siteMs: 0, searchIndexMs: 0 };
  let files = 0;
  await replacePreparedFolder(target, options.outputDir, async (folder) => {
    const siteStarted = performance.now();
    files = await writeSite({ ...options, outputDir: folder }, archive, photos, timings);
    timings.siteMs = performance.now() - siteStarted;
  });
  return { ok: true, archive, files, photos: { ...photos.counts, cacheDir: photos.cacheDir }, timings };
}

/**
 * Renders a validated archive into `outputDir` with Eleventy, copies in the
 * photos the archive's pages show (encoded while the archive was loaded), and
 * writes the search index; returns the number of files written.
 */
async function writeSite(options: BuildSiteOptions, archive: Archive, photos: PhotoEncoder, timings: BuildTimings): Promise<number> {
  const search = new PendingSearchIndex();
  const rendered = await renderSite(options, archive, search);
  const photoFiles = await photos.copyInto(options.outputDir);
  // Eleventy is gone and its pages with it: let the memory go before Pagefind needs its most.
  collectGarbage();
  const searchStarted = performance.now();
  await search.write(options.outputDir);
  timings.searchIndexMs = performance.now() - searchStarted;
  return rendered + photoFiles;
}

/** Renders the site with Eleventy (the search index fed as it goes); returns the number of files written. */
async function renderSite(options: BuildSiteOptions, archive: Archive, pendingSearchIndex: PendingSearchIndex): Promise<number> {
  const eleventy = new Eleventy('templates', options.outputDir, {
    quietMode: true,
    pathPrefix: options.pathPrefix,
    config: (eleventyConfig) => {
      configureSite(eleventyConfig, { contentDir: options.contentDir, archive, pathPrefix: options.pathPrefix, pendingSearchIndex });
      options.observe?.(eleventyConfig);
    },
  });
  const [copied, templates] = await eleventy.write();
  return copied.length + templates.length;
}

/**
 * Full garbage collections, now. V8 collects when it must, and a build that
 * waits for Pagefind allocates nothing: the pages Eleventy let go would stay
 * in memory while Pagefind's process needs its most. Node runs a collection
 * on request only with --expose-gc, which can be turned on from inside. The
 * first collection frees what is dead; the second compacts what is left
 * (otherwise the freed pages stay half used and are not given back: some
 * 200 MB at 2,000 projects), which copies the live objects and so first takes
 * more memory: done after the first, the copy is small. V8 hands the pages
 * back on threads of its own within a second, while Pagefind starts writing
 * (its need grows over seconds).
 */
function collectGarbage(): void {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    v8.setFlagsFromString('--compact-on-every-full-gc');
    gc();
    v8.setFlagsFromString('--no-compact-on-every-full-gc');
  } catch {
    // Not essential: the memory is collected later.
  }
}
