import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { escapeHtml } from '../present/html.ts';
import { MAX_PHOTO_PIXELS, photoErrorReason, WIDEST_PHOTO, type Photo, type PhotoProcessor } from '../content/photos.ts';
import { suggestSlug } from '../content/slug.ts';

/**
 * Turns the projects' photos into responsive images with @11ty/eleventy-img
 * (sharp): AVIF, WebP and JPEG, each in up to three widths, never wider than
 * the original. sharp writes no metadata unless asked to, so EXIF (with GPS
 * positions and the camera), XMP and IPTC are all left behind; the orientation
 * a phone records in EXIF is applied to the pixels first. Only an embedded
 * colour profile is kept (eleventy-img keeps it so that a phone's wide-gamut
 * photo keeps its colours); it describes colours, not the photo.
 *
 * Encoding is slow (AVIF above all), so every photo is encoded once into a
 * cache folder, `.cache/photos/` (or $PHOTOS_CACHE), in a folder named after
 * the hash of the photo's bytes and of the settings below. A build copies the
 * files it needs from there into the site's `/photos/` folder; a rebuild
 * finds them there and encodes nothing. Deleting the cache folder is always
 * safe.
 */

export const PHOTO_WIDTHS = [480, 960, WIDEST_PHOTO] as const;
export const PHOTO_FORMATS = ['avif', 'webp', 'jpeg'] as const;
type Format = (typeof PHOTO_FORMATS)[number];

/**
 * How wide a photo is shown: the text column is at most 68ch (about 41em at
 * the body's 17px), and below that the page width less its side padding (4vw
 * on each side). Browsers pick the smallest file that fills it.
 */
export const PHOTO_SIZES = '(min-width: 44em) 41em, 92vw';

/**
 * sharp's defaults, except: AVIF at effort 2 rather than 4, which is about
 * three times faster for nearly the same size; mozjpeg for smaller JPEGs; and
 * a photo cut short (an interrupted upload) is a mistake to report rather
 * than a photo published with a grey lower half.
 */
const ENCODER_OPTIONS = {
  sharpOptions: { failOn: 'truncated' },
  sharpAvifOptions: { quality: 50, effort: 2 },
  sharpWebpOptions: { quality: 80 },
  sharpJpegOptions: { quality: 80, mozjpeg: true },
} as const;

/** Bump to re-encode every photo when something that changes the output changes here. */
const CACHE_FORMAT = 1;
const MANIFEST = 'photo.json';

interface EncodedImage {
  format: Format;
  width: number;
  height: number;
  /** File name in the photo's cache folder. */
  file: string;
}

interface Manifest {
  images: EncodedImage[];
}

interface ImageEntry {
  format: string;
  width: number;
  height: number;
  url: string;
  sourceType: string;
  srcset: string;
}
type ImageMetadata = Record<string, ImageEntry[]>;

/** The parts of @11ty/eleventy-img used here (it has no type declarations). */
interface EleventyImage {
  (src: string, options: Record<string, unknown>): Promise<ImageMetadata>;
  generateHTML(metadata: ImageMetadata, attributes: Record<string, string>): string;
}

const require = createRequire(import.meta.url);
const eleventyImage = require('@11ty/eleventy-img') as EleventyImage;
const ENCODER_VERSIONS = {
  eleventyImg: (require('@11ty/eleventy-img/package.json') as { version: string }).version,
  sharp: (require('sharp') as { versions: Record<string, string> }).versions,
};

/** The settings that decide an encoded photo's bytes: part of every cache key. */
const SETTINGS = JSON.stringify({ CACHE_FORMAT, PHOTO_WIDTHS, PHOTO_FORMATS, ENCODER_OPTIONS, ENCODER_VERSIONS });

export interface PhotoEncoderOptions {
  /** Where encoded photos are kept between builds. */
  cacheDir: string;
  /** How many photos are encoded at once (each runs its nine encodings in parallel). */
  concurrency?: number;
}

interface Prepared {
  /** The photo's cache folder. */
  dir: string;
  manifest: Manifest;
  /** `/photos/YEAR/slug/name-hash` (root-relative, without `-WIDTH.FORMAT`). */
  urlStem: string;
}

/** The cache folder: `.cache/photos/` in the folder the build runs in, or $PHOTOS_CACHE. */
export function defaultPhotoCache(): string {
  return process.env.PHOTOS_CACHE || path.join('.cache', 'photos');
}

export class PhotoEncoder implements PhotoProcessor {
  /** What the last `prepare` did: photos encoded, and photos found in the cache. */
  readonly counts = { encoded: 0, reused: 0 };
  readonly cacheDir: string;
  readonly #concurrency: number;
  /** By the photo's absolute path. */
  readonly #prepared = new Map<string, Prepared>();
  #cacheReady: Promise<void> | undefined;

  constructor(options: PhotoEncoderOptions) {
    this.cacheDir = options.cacheDir;
    this.#concurrency = options.concurrency ?? Math.max(1, os.availableParallelism());
  }

  async prepare(photos: readonly Photo[]): Promise<Map<Photo, string>> {
    const unreadable = new Map<Photo, string>();
    await eachLimited(photos, this.#concurrency, async (photo) => {
      const key = createHash('sha256')
        .update(SETTINGS)
        .update(await readFile(photo.absolute))
        .digest('hex')
        .slice(0, 32);
      const dir = path.join(this.cacheDir, key);
      let manifest = await readManifest(dir);
      if (manifest) {
        this.counts.reused++;
      } else {
        const encoded = await this.#encode(photo, dir);
        if (typeof encoded === 'string') {
          unreadable.set(photo, encoded);
          return;
        }
        manifest = encoded;
        this.counts.encoded++;
      }
      const stem = suggestSlug(photo.name.replace(/\.[^./]*$/, '')) || 'photo';
      this.#prepared.set(photo.absolute, { dir, manifest, urlStem: `/photos/${photo.projectId}/${stem}-${key.slice(0, 8)}` });
    });
    return unreadable;
  }

  /** Encodes a photo into a new folder, which becomes its cache folder once complete; or says why it cannot be read. */
  async #encode(photo: Photo, dir: string): Promise<Manifest | string> {
    this.#cacheReady ??= openCache(this.cacheDir);
    await this.#cacheReady;
    // Built aside and renamed into place, so that a build that stops half-way,
    // or another build encoding the same photo at once, never leaves a partial folder.
    const temp = await mkdtemp(path.join(this.cacheDir, '.encoding-'));
    try {
      let metadata: ImageMetadata;
      try {
        metadata = await eleventyImage(photo.absolute, {
          widths: [...PHOTO_WIDTHS],
          formats: [...PHOTO_FORMATS],
          outputDir: temp,
          urlPath: '/',
          filenameFormat: (_hash: string, _src: string, width: number, format: string) => `${width}.${format}`,
          // Phones record "rotated" in EXIF, which is not kept: turn the pixels instead (all eight orientations).
          fixOrientation: true,
          // Each photo is encoded once per build; eleventy-img's own caches would only hold memory.
          useCache: false,
          ...ENCODER_OPTIONS,
          // The content check refuses a photo with more pixels, from its header; sharp refuses it too,
          // before decoding. Not part of ENCODER_OPTIONS: it changes no encoded byte, so no cache key.
          sharpOptions: { ...ENCODER_OPTIONS.sharpOptions, limitInputPixels: MAX_PHOTO_PIXELS },
        });
      } catch (error) {
        return photoErrorReason(error);
      }
      const manifest: Manifest = {
        images: PHOTO_FORMATS.flatMap((format) => (metadata[format] ?? []).map(({ width, height }) => ({ format, width, height, file: `${width}.${format}` }))),
      };
      await writeFile(path.join(temp, MANIFEST), JSON.stringify(manifest, null, 2));
      await rename(temp, dir).catch((error: NodeJS.ErrnoException) => {
        // Another build encoded the same photo meanwhile: its folder is as good as this one.
        if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
      });
      return manifest;
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  }

  picture(photo: Photo, alt: string, title?: string): string {
    const prepared = this.#prepared.get(photo.absolute);
    if (!prepared) throw new Error(`${photo.file} was not prepared`);
    const metadata: ImageMetadata = {};
    for (const format of PHOTO_FORMATS) {
      metadata[format] = prepared.manifest.images
        .filter((image) => image.format === format)
        .map(({ width, height }) => {
          const url = `${prepared.urlStem}-${width}.${format}`;
          return { format, width, height, url, sourceType: `image/${format}`, srcset: `${url} ${width}w` };
        });
    }
    // eleventy-img escapes `alt` itself; every other value is ours or escaped here.
    return eleventyImage.generateHTML(metadata, {
      alt,
      ...(title ? { title: escapeHtml(title) } : {}),
      sizes: PHOTO_SIZES,
      loading: 'lazy',
      decoding: 'async',
    });
  }

  /** Copies every prepared photo's files into a site folder; returns how many files were written. */
  async copyInto(siteDir: string): Promise<number> {
    const copies = new Map<string, string>();
    for (const { dir, manifest, urlStem } of this.#prepared.values()) {
      for (const image of manifest.images) copies.set(`${urlStem}-${image.width}.${image.format}`, path.join(dir, image.file));
    }
    const folders = new Set([...copies.keys()].map((url) => path.dirname(path.join(siteDir, url))));
    await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
    // A copy (a clone where the file system can), not a link: the site can be changed without touching the cache.
    await Promise.all([...copies].map(([url, from]) => copyFile(from, path.join(siteDir, url), constants.COPYFILE_FICLONE)));
    return copies.size;
  }
}

/** Makes the cache folder, and removes what builds that were stopped while encoding left behind. */
async function openCache(cacheDir: string): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const anHourAgo = Date.now() - 3600_000;
  for (const name of await readdir(cacheDir)) {
    if (!name.startsWith('.encoding-')) continue;
    const folder = path.join(cacheDir, name);
    const info = await stat(folder).catch(() => undefined);
    if (info && info.mtimeMs < anHourAgo) await rm(folder, { recursive: true, force: true });
  }
}

/** A cache folder's manifest, when the folder is complete; a damaged folder is removed, to be encoded again. */
async function readManifest(dir: string): Promise<Manifest | undefined> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as Manifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    await rm(dir, { recursive: true, force: true });
    return undefined;
  }
  const complete = await Promise.all(
    manifest.images.map((image) =>
      access(path.join(dir, image.file)).then(
        () => true,
        () => false,
      ),
    ),
  );
  if (manifest.images.length > 0 && complete.every(Boolean)) return manifest;
  await rm(dir, { recursive: true, force: true });
  return undefined;
}

async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
