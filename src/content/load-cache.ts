import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findDiskLinks, type DiskLink } from './disk-links.ts';
import { findContent, type ContentLayout, type LanguageFile } from './layout.ts';
import { parseMarkdown, renderMarkdown, type ParsedMarkdown, type Token } from './markdown.ts';
import { say } from './messages.ts';
import { findPhotoReferences, type PhotoReference, type PlacedPhoto } from './photos.ts';
import { readSourceFile, type SourceFile } from './source-file.ts';

/** A body as the cache keeps it: its photo references and links to files on a computer, its parse while it has photos, its last rendering. */
interface CachedBody {
  references: PhotoReference[];
  diskLinks: DiskLink[];
  parsed?: ParsedMarkdown;
  html?: { pictures: string; html: string };
}

/**
 * What one load can hand to the next: `npm start` reloads the whole archive
 * on every save, and a file whose bytes have not changed need not be parsed,
 * nor its body rendered, again. Told which files changed (`onlyChanged`), the
 * next load does not even read the others, nor list the folders again.
 * Everything else (validation across files, the archive's indexes) is redone
 * each time, so the result is the same as a fresh load's.
 */
export class LoadCache {
  readonly #sources = new Map<string, { bytes: Buffer; result: ReturnType<typeof readSourceFile> }>();
  #layout: { contentDir: string; layout: ContentLayout } | undefined;
  /** For the next load only: the files that may have changed since the last (absolute paths); undefined = any. */
  #changed: Set<string> | undefined;
  readonly #bodies = new WeakMap<SourceFile, CachedBody>();
  readonly #checked = new WeakMap<SourceFile, unknown>();

  /**
   * The next load may trust that only these files changed, when each is a
   * Markdown file it already knows (not a new one, a removed one or a photo,
   * which change what the folders hold: then it lists them again).
   */
  onlyChanged(files: readonly string[]): void {
    const known = files.map((file) => path.resolve(file)).every((file) => this.#sources.has(file) && existsSync(file));
    this.#changed = known ? new Set(files.map((file) => path.resolve(file))) : undefined;
  }

  async layout(contentDir: string): Promise<ContentLayout> {
    if (this.#changed && this.#layout?.contentDir === contentDir) return this.#layout.layout;
    const layout = await findContent(contentDir);
    this.#layout = { contentDir, layout };
    return layout;
  }

  async source(file: LanguageFile): Promise<ReturnType<typeof readSourceFile>> {
    const cached = this.#sources.get(file.absolute);
    if (cached && this.#changed && !this.#changed.has(file.absolute)) return cached.result;
    let bytes: Buffer;
    try {
      // Read synchronously: a Markdown file is a few kilobytes, and Node's promise-based readFile costs some 0.3 ms a
      // file in opening, stat-ing and closing it through the thread pool (1.2 s of a 2,000-project build), where a
      // synchronous read costs a tenth of that. It also never holds more than one file open, which a national archive
      // needs: 40,000 files read at once exceed what a process may open (`ulimit -n`).
      bytes = readFileSync(file.absolute);
    } catch (error) {
      // Deleted between listing and reading (a save in `npm start`), or not the user's to read.
      const { code, message } = error as NodeJS.ErrnoException;
      const reason = code ?? message;
      this.#sources.delete(file.absolute);
      return { problems: [{ file: file.file, message: say('limits.unreadable', { reason }), fix: say('limits.unreadableFix') }] };
    }
    if (cached?.bytes.equals(bytes)) return cached.result;
    const result = readSourceFile(file.file, bytes);
    this.#sources.set(file.absolute, { bytes, result });
    return result;
  }

  /** Ends a load: the next one trusts nothing unless told again. */
  loaded(): void {
    this.#changed = undefined;
  }

  /** The front matter checked against its schema (a file's schema is always the same). */
  frontMatter<T>(source: SourceFile, schema: { safeParse(data: unknown): T }): T {
    if (!this.#checked.has(source)) this.#checked.set(source, schema.safeParse(source.data));
    return this.#checked.get(source) as T;
  }

  /**
   * The photos a body refers to, from its Markdown parsed once per version of
   * its file. A body without photos is rendered at once and its parse let go:
   * kept until the photos are encoded, or between the saves of `npm start`,
   * the parses take some 50 MB at 2,000 projects.
   */
  references(source: SourceFile): PhotoReference[] {
    return this.#body(source).references;
  }

  /** The links of a body to files on a computer (each a mistake), found in the same parse. */
  diskLinks(source: SourceFile): DiskLink[] {
    return this.#body(source).diskLinks;
  }

  #body(source: SourceFile): CachedBody {
    let body = this.#bodies.get(source);
    if (!body) {
      const parsed = parseMarkdown(source.body);
      const references = findPhotoReferences(parsed, source.bodyLine);
      const diskLinks = findDiskLinks(parsed, source.bodyLine);
      body = references.length > 0 ? { references, diskLinks, parsed } : { references, diskLinks, html: { pictures: '', html: renderMarkdown(parsed) } };
      this.#bodies.set(source, body);
    }
    return body;
  }

  /** A body's HTML. `pictures` holds the `<picture>` of each of its `photos`: a re-encoded photo renders the body again. */
  html(source: SourceFile, pictures: ReadonlyMap<Token, string>, photos: readonly PlacedPhoto[]): string {
    const body = this.#body(source);
    const key = photos.map(({ reference }) => pictures.get(reference.token) ?? '').join('\n');
    if (body.html?.pictures === key) return body.html.html;
    const html = renderMarkdown(body.parsed ?? parseMarkdown(source.body), pictures);
    body.html = { pictures: key, html };
    return html;
  }
}
