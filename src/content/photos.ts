import { open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import sharp from 'sharp';
import { translate } from '../i18n/i18n.ts';
import type { Lang } from '../i18n/languages.ts';
import { imageAltText, inlineTokens, type ParsedMarkdown, type Token } from './markdown.ts';
import { type Message, say } from './messages.ts';
import type { ContentProblem } from './problems.ts';
import type { SourceFile } from './source-file.ts';

/**
 * A project's photos: files in the project's folder, referenced from its
 * Markdown as `![what the photo shows](photo-1.jpg)`. This module finds every
 * reference with its line and checks it without decoding any image (so
 * `npm run check` stays fast); the build's PhotoProcessor (src/build/photo-encoder.ts)
 * turns the checked photos into responsive images.
 */

/** One `![alt](src)` in a body. */
export interface PhotoReference {
  /** The image token, which the renderer replaces with the photo's `<picture>`. */
  token: Token;
  /** The reference as the teacher wrote it (percent-escapes decoded). */
  src: string;
  /** The alt text, as plain text. */
  alt: string;
  title?: string;
  /** 1-based line in the file. */
  line: number;
}

/** A photo file of a project, checked: it exists, lies in the project's folder and is an image a browser can show. */
export interface Photo {
  /** Absolute path (symbolic links resolved), to read. */
  absolute: string;
  /** Path shown in messages. */
  file: string;
  /** Path inside the project's folder, with "/" between folders, e.g. `photo-1.jpg`. */
  name: string;
  /** The project's id, e.g. `2015-2016/the-scratch-project`, which is also its path on the site. */
  projectId: string;
}

/** A reference whose photo was found. */
export interface PlacedPhoto {
  reference: PhotoReference;
  photo: Photo;
}

/**
 * What the build does with photos. `prepare` is called once, with every photo
 * of the archive, after the content is known to have no mistakes; then
 * `picture` gives the HTML of each reference.
 */
export interface PhotoProcessor {
  /** Encodes each photo (or finds it encoded already); returns why a photo could not be read, by photo. */
  prepare(photos: readonly Photo[]): Promise<Map<Photo, string>>;
  /** The `<picture>` of a prepared photo, with its alt text in the page's language. */
  picture(photo: Photo, alt: string, title?: string): string;
}

/**
 * Every image in a body, in order, with its line. Images inside another
 * image's alt text are only text, so they are not looked at.
 */
export function findPhotoReferences(parsed: ParsedMarkdown, bodyLine: number): PhotoReference[] {
  const references: PhotoReference[] = [];
  for (const { token, line } of inlineTokens(parsed, bodyLine)) {
    if (token.type !== 'image') continue;
    const title = token.attrGet('title') ?? undefined;
    references.push({ token, src: decodeUrl(token.attrGet('src') ?? ''), alt: imageAltText(token), ...(title ? { title } : {}), line });
  }
  return references;
}

/** A URL as the teacher wrote it: markdown-it percent-escapes what it must. */
export function decodeUrl(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

/**
 * An alt text to show in a message: in the file's language (`messages.photo.exampleAlt`
 * of that language's locale file), whatever the language of the message.
 */
const exampleAlt = (lang: Lang) => translate(lang, 'messages.photo.exampleAlt');

/**
 * The most pixels a photo may have: 120 million (120 megapixels). Every photo a
 * camera or a phone takes in its usual settings has fewer: phones take 12 to
 * 50 MP (108 MP in some phones' full-resolution mode), full-frame cameras up to
 * 61 MP, medium-format ones 102 MP, a phone's panorama about 60 MP. Refused
 * are the 200 MP mode of some recent phones (16,320 × 12,240 pixels, files of
 * 50 to 90 MB, more than GitHub's web upload takes), studio camera backs, and
 * scans at a needlessly high resolution: none is needed for a page that shows
 * photos at most 1,600 pixels wide. A pixel count cannot tell such a photo from
 * a small PNG of 1,000,000 × 200 pixels (also 200 MP), whose encoding took 11 GB
 * of memory and a minute and a half. Read from the file's header, without
 * decoding it, so `npm run check` finds it as the build does; the build's
 * encoder also refuses a larger image (sharp's `limitInputPixels`).
 */
export const MAX_PHOTO_PIXELS = 120_000_000;

/** The widest a photo is ever shown, and so encoded (src/build/photo-encoder.ts also makes narrower copies). */
export const WIDEST_PHOTO = 1600;

/**
 * The tallest image the build can encode: WebP holds at most 16,383 pixels a
 * side (AVIF 16,384). A scrolling screenshot of 1,080 × 20,000 pixels cannot be
 * made into either, even shown narrower.
 */
export const TALLEST_ENCODED = 16_383;

/** Image formats a browser shows, which the build turns into AVIF, WebP and JPEG. */
const READABLE = new Set(['JPEG', 'PNG', 'WebP', 'AVIF', 'TIFF']);

/** Looks at a file's first bytes: the extension may lie (a HEIC photo renamed to .jpg). */
export function imageFormat(head: Uint8Array): string | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'JPEG';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'PNG';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'WebP';
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return 'TIFF';
  if (ascii(0, 4) === 'GIF8') return 'GIF';
  if (ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    if (brand === 'avif' || brand === 'avis') return 'AVIF';
    if (/^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(brand)) return 'HEIC';
  }
  if (/^\s*(<\?xml|<svg)/.test(ascii(0, Math.min(head.length, 16)))) return 'SVG';
  if (ascii(0, 5) === '%PDF-') return 'PDF';
  return undefined;
}

export interface ProjectFolderForPhotos {
  /** Absolute path of the project's folder. */
  absolute: string;
  /** The folder as shown in messages. */
  shown: string;
  /** The project's id, `YEAR/slug`. */
  projectId: string;
}

/**
 * Checks the references of one language file: each has alt text, and names a
 * file in the project's folder that a browser can show. Returns the photos
 * found, and every mistake named by file and line.
 */
export async function checkPhotoReferences(
  source: SourceFile,
  lang: Lang,
  folder: ProjectFolderForPhotos,
  references: readonly PhotoReference[],
): Promise<{ placed: PlacedPhoto[]; problems: ContentProblem[] }> {
  const placed: PlacedPhoto[] = [];
  const problems: ContentProblem[] = [];
  if (references.length === 0) return { placed, problems };
  const realFolder = await realpath(folder.absolute);
  let available: Promise<string[]> | undefined;
  const imagesInFolder = () => (available ??= listImages(folder.absolute));

  for (const reference of references) {
    const at = { file: source.file, line: reference.line };
    const example = (name: string) => `![${reference.alt.trim() || '…'}](${name})`;
    const add = (message: Message, fix: Message) => problems.push({ ...at, message, fix });

    if (reference.alt.trim() === '') {
      const name = path.posix.basename(reference.src) || 'photo-1.jpg';
      add(say('photo.noAlt', { src: reference.src }), say('photo.noAltFix', { example: `![${exampleAlt(lang)}](${name})` }));
    }

    const where = locate(reference.src);
    if (where.kind === 'empty') {
      const first = (await imagesInFolder())[0] ?? 'photo-1.jpg';
      add(say('photo.noName'), say('photo.noNameFix', { folder: folder.shown, example: example(first) }));
      continue;
    }
    const name = where.kind === 'relative' ? where.name : path.posix.basename(where.name.replace(/\\/g, '/')) || 'photo-1.jpg';
    const copyInValues = { folder: folder.shown, example: example(name) };
    const copyIn = say('photo.copyIn', copyInValues);
    switch (where.kind) {
      case 'remote':
        add(say('photo.remote', { src: shorten(reference.src) }), say('photo.remoteFix', copyInValues));
        continue;
      case 'absolute':
        add(say('photo.absolute', { src: reference.src }), copyIn);
        continue;
      case 'outside':
        add(say('photo.outside', { src: reference.src }), copyIn);
        continue;
      case 'other':
        add(say('photo.other', { src: shorten(reference.src) }), copyIn);
        continue;
    }

    // A photo saved on a Mac has its name's accents stored apart (NFD): the same name as written (NFC) is the same photo.
    const stored = (await stat(path.join(folder.absolute, where.name)).catch(() => undefined))
      ? where.name
      : ((await imagesInFolder()).find((image) => image.normalize('NFC') === where.name.normalize('NFC')) ?? where.name);
    const absolute = path.join(folder.absolute, stored);
    const found = await stat(absolute).catch(() => undefined);
    if (!found) {
      add(say('photo.notFound', { name: where.name, folder: folder.shown }), missingFix(where.name, await imagesInFolder(), folder.shown));
      continue;
    }
    if (found.isDirectory()) {
      add(say('photo.folder', { name: where.name }), say('photo.folderFix', { example: example(`${where.name}/photo-1.jpg`) }));
      continue;
    }
    // A pipe, a socket or a device named like a photo is not one (and reading a pipe would wait forever).
    if (!found.isFile()) {
      add(say('photo.notImage', { name: where.name }), say('photo.saveAsJpeg', { example: example(where.name) }));
      continue;
    }
    // A symbolic link could publish a file from anywhere on the machine that builds the site.
    const real = await realpath(absolute);
    if (!real.startsWith(realFolder + path.sep)) {
      add(say('photo.link', { name: where.name }), copyIn);
      continue;
    }
    const head = await readHead(real).catch((error: NodeJS.ErrnoException) => error);
    if (head instanceof Error) {
      add(say('limits.unreadable', { reason: head.code ?? head.message }), say('limits.unreadableFix'));
      continue;
    }
    const format = imageFormat(head);
    if (!format || !READABLE.has(format)) {
      const jpeg = `${where.name.replace(/\.[^./]*$/, '')}.jpg`;
      add(
        format ? say('photo.wrongFormat', { name: where.name, format }) : say('photo.notImage', { name: where.name }),
        say('photo.saveAsJpeg', { example: example(jpeg) }),
      );
      continue;
    }
    const size = await photoSize(real, where.name);
    if ('reason' in size) {
      add(say('photo.unreadable', { name: where.name, reason: size.reason }), say('photo.unreadableFix'));
      continue;
    }
    const sizeProblem = photoSizeProblem(where.name, size);
    if (sizeProblem) {
      add(sizeProblem.message, sizeProblem.fix);
      continue;
    }
    placed.push({
      reference,
      photo: { absolute: real, file: path.join(folder.shown, where.name), name: where.name, projectId: folder.projectId },
    });
  }
  return { placed, problems };
}

type Location = { kind: 'relative'; name: string } | { kind: 'empty' | 'remote' | 'absolute' | 'outside' | 'other'; name: string };

/** Where a reference points, as the archive sees it. */
function locate(src: string): Location {
  const bare = src.trim().replace(/[?#].*$/, '');
  if (bare === '') return { kind: 'empty', name: '' };
  if (/^(https?:)?\/\//i.test(bare)) return { kind: 'remote', name: new URL(bare, 'https://x.invalid').pathname };
  if (/^(?:[a-z]:[\\/]|[/\\]|file:)/i.test(bare)) {
    return { kind: 'absolute', name: bare.replace(/^file:\/*/i, '/') };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(bare)) return { kind: 'other', name: '' };
  const name = path.posix.normalize(bare);
  if (name === '.' || name === './') return { kind: 'empty', name: '' };
  if (name === '..' || name.startsWith('../')) return { kind: 'outside', name };
  return { kind: 'relative', name: name.replace(/^\.\//, '') };
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function missingFix(name: string, images: string[], folder: string): Message {
  const sameLetters = images.find((image) => image.toLowerCase() === name.toLowerCase());
  const nearest = sameLetters ?? (images.length > 0 ? closest(name, images) : undefined);
  if (nearest && (sameLetters || distance(name, nearest) <= Math.max(2, Math.floor(name.length / 3)))) {
    return say('photo.didYouMean', { nearest });
  }
  if (images.length > 0) return say('photo.notFoundFixList', { folder, photos: images.join(', ') });
  return say('photo.notFoundFix', { folder });
}

/** The image files in a project's folder and its subfolders, as references name them. */
async function listImages(folder: string): Promise<string[]> {
  const names = await readdir(folder, { recursive: true, encoding: 'utf8' });
  return names
    .filter((name) => /\.(jpe?g|png|webp|avif|tiff?|heic|heif|gif)$/i.test(name))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}

/**
 * A photo's width and height as shown (a phone's "rotated" flag applied), from
 * its header; and whether the rest of the file is there. A header that cannot
 * be read means the file cannot be encoded either; nor can a photo cut short
 * (an upload that stopped), which only decoding finds: it is decoded at an
 * eighth of its size, which JPEG's own scaled decoding makes quick, so that
 * the check refuses what the build would.
 */
async function photoSize(file: string, name: string): Promise<{ width: number; height: number } | { reason: string }> {
  try {
    const { width, height, orientation } = await sharp(file, { limitInputPixels: false }).metadata();
    if (!width || !height) return { reason: 'no width or height' };
    if (width * height <= MAX_PHOTO_PIXELS)
      await sharp(file)
        .resize({ width: Math.max(1, Math.round(width / 8)) })
        .raw()
        .toBuffer();
    // Orientations 5 to 8 turn the photo a quarter.
    return (orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height };
  } catch (error) {
    return { reason: photoErrorReason(error, name) };
  }
}

/**
 * Why sharp could not read a photo, the same each time: its first clause,
 * without the name of the library part that said it ("VipsJpeg: Premature end
 * of JPEG file" is "Premature end of JPEG file"). What libvips adds after it
 * comes from an error buffer that photos read at the same time share, so it
 * can name another photo's trouble, or nothing; and the file's own path,
 * which it may quote, is said as the photo's name.
 */
export function photoErrorReason(error: unknown, name?: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message
    .split('\n')[0]!
    .replace(/\bVips\w*:\s*/g, '')
    .split(':')[0]!
    .replace(/\.$/, '')
    .trim();
  return name === undefined ? first : first.replace(/"[^"]*"/g, `"${name}"`);
}

/** Too many pixels to encode, or too tall for the web formats even at the width it is shown. */
export function photoSizeProblem(name: string, { width, height }: { width: number; height: number }): { message: Message; fix: Message } | undefined {
  // Written with the digit grouping of the language the message is said in: "16,383", "16.383".
  const number = (value: number) => ({ number: value });
  const size = { name, width: number(width), height: number(height) };
  if (width * height > MAX_PHOTO_PIXELS) {
    return {
      message: say('limits.photoPixels', { ...size, megapixels: number(Math.round((width * height) / 1e6)), max: MAX_PHOTO_PIXELS / 1e6 }),
      fix: say('limits.photoPixelsFix', { max: MAX_PHOTO_PIXELS / 1e6, widest: number(WIDEST_PHOTO), suggested: number(2 * WIDEST_PHOTO) }),
    };
  }
  const shownWidth = Math.min(width, WIDEST_PHOTO);
  if (Math.round((height * shownWidth) / width) > TALLEST_ENCODED) {
    const tallest = Math.floor((TALLEST_ENCODED * width) / shownWidth);
    return {
      message: say('limits.photoTall', { ...size, shown: number(shownWidth), max: number(TALLEST_ENCODED) }),
      fix: say('limits.photoTallFix', { tallest: number(tallest) }),
    };
  }
  return undefined;
}

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(new Uint8Array(32), 0, 32, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Photos belong to projects: the school's introduction cannot show one. */
export function photosOutsideProjects(source: SourceFile, references: readonly PhotoReference[]): ContentProblem[] {
  return references.map((reference) => ({
    file: source.file,
    line: reference.line,
    message: say('photo.inSchool', { src: shorten(reference.src) }),
    fix: say('photo.inSchoolFix'),
  }));
}
