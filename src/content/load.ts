import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../i18n/languages.ts';
import { indexArchive, type ProjectRecord } from './index-archive.ts';
import { issueProblems } from './issue-problems.ts';
import { diskLinkProblems, findDiskLinks, type DiskLink } from './disk-links.ts';
import { findContent, type ContentLayout, type LanguageFile, type ProjectFolder } from './layout.ts';
import { parseMarkdown, renderMarkdown, type ParsedMarkdown, type Token } from './markdown.ts';
import { say } from './messages.ts';
import type { Archive, ProjectVersion, School } from './model.ts';
import {
  checkPhotoReferences,
  findPhotoReferences,
  photosOutsideProjects,
  type Photo,
  type PhotoReference,
  type PhotoProcessor,
  type PlacedPhoto,
} from './photos.ts';
import { sortProblems, type ContentProblem } from './problems.ts';
import {
  LANGUAGE_NEUTRAL_FIELDS,
  PROJECT_FIELDS,
  projectFrontMatter,
  REQUIRED_NEUTRAL_FIELDS,
  SCHOOL_FIELDS,
  schoolFrontMatter,
  type ProjectFrontMatter,
} from './schema.ts';
import { readSourceFile, type SourceFile } from './source-file.ts';
import { classGroupCode, classGroupKey } from './normalise/grades.ts';
import { sortLabels } from './normalise/labels.ts';
import { samePageKey } from './normalise/web-address.ts';

export interface LoadResult {
  /** Present only when there are no problems. */
  archive?: Archive;
  /** Every problem in every file, sorted by file and line. */
  problems: ContentProblem[];
  /** The project folders found, with their language files, even when some have problems. */
  projectFolders: ProjectFolder[];
}

export interface LoadOptions {
  /**
   * Turns the projects' photos into responsive images (`npm run build`).
   * Without it (`npm run check`) photo references are still checked, but no
   * image is decoded and a photo renders as a plain `<img>`.
   */
  photos?: PhotoProcessor;
  /** Parses kept from earlier loads of the same folder (the dev server's); without it every file is parsed. */
  cache?: LoadCache;
}

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
      bytes = await readContentFile(file.absolute);
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

/**
 * A content file's bytes. Read synchronously: a Markdown file is a few
 * kilobytes, and Node's promise-based readFile costs some 0.3 ms a file in
 * opening, stat-ing and closing it through the thread pool (1.2 s of a
 * 2,000-project build), where a synchronous read costs a tenth of that. It
 * also never holds more than one file open, which a national archive needs:
 * 40,000 files read at once exceed what a process may open (`ulimit -n`).
 */
async function readContentFile(file: string): Promise<Buffer> {
  return readFileSync(file);
}

/**
 * Reads the content folder into an Archive, or into the full list of problems:
 * every file is read and checked before anything is reported, so a teacher
 * sees all mistakes at once rather than one per build.
 */
export async function loadArchive(contentDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const cache = options.cache ?? new LoadCache();
  const layout = await cache.layout(contentDir);
  const problems = [...layout.problems];
  const bodies: ProjectBody[] = [];

  const [school, projects] = await Promise.all([
    readSchool(layout.schoolFiles, problems, cache),
    Promise.all(layout.projects.map((folder) => readProject(folder, problems, bodies, cache))),
  ]);
  const records = projects.filter((project): project is ProjectRecord => project !== undefined);
  const folderIds = new Set(layout.projects.map((folder) => `${folder.year}/${folder.slug}`));
  const archive = indexArchive(school, records, problems, folderIds);
  // Photos are encoded only for content without mistakes, and bodies rendered once, with their pictures.
  if (problems.length === 0) await renderProjectBodies(bodies, options.photos, problems, cache);
  const projectFolders = layout.projects;
  cache.loaded();
  return problems.length > 0 ? { problems: sortProblems(problems), projectFolders } : { archive, problems, projectFolders };
}

/** A project version's body, parsed and its photos checked, waiting to be rendered. */
interface ProjectBody {
  version: ProjectVersion;
  source: SourceFile;
  photos: PlacedPhoto[];
}

async function renderProjectBodies(bodies: ProjectBody[], processor: PhotoProcessor | undefined, problems: ContentProblem[], cache: LoadCache) {
  const pictures = new Map<Token, string>();
  // Files were read in parallel: put them back in order, so that messages always name the same reference.
  bodies.sort((a, b) => a.version.file.localeCompare(b.version.file));
  if (processor) {
    // A file is one photo, however many references (usually one per language) show it.
    const byFile = new Map<string, Photo>();
    for (const body of bodies) for (const { photo } of body.photos) if (!byFile.has(photo.absolute)) byFile.set(photo.absolute, photo);
    const unreadable = await processor.prepare([...byFile.values()]);
    const named = new Set<Photo>();
    for (const body of bodies) {
      for (const { reference, photo } of body.photos) {
        const shared = byFile.get(photo.absolute)!;
        const reason = unreadable.get(shared);
        if (reason === undefined) {
          pictures.set(reference.token, processor.picture(shared, reference.alt.trim(), reference.title));
        } else if (!named.has(shared)) {
          // Named once, at its first reference.
          named.add(shared);
          problems.push({
            file: body.version.file,
            line: reference.line,
            message: say('photo.unreadable', { name: photo.name, reason }),
            fix: say('photo.unreadableFix'),
          });
        }
      }
    }
    if (problems.length > 0) return;
  }
  for (const body of bodies) body.version.html = cache.html(body.source, pictures, body.photos);
}

async function readSource(file: LanguageFile, problems: ContentProblem[], cache: LoadCache): Promise<SourceFile | undefined> {
  const result = await cache.source(file);
  if ('problems' in result) {
    problems.push(...result.problems);
    return undefined;
  }
  return result.source;
}

async function readSchool(files: LanguageFile[], problems: ContentProblem[], cache: LoadCache): Promise<School> {
  const school: School = { name: {} as Record<Lang, string>, introHtml: {} as Record<Lang, string> };
  await Promise.all(
    files.map(async (file) => {
      const source = await readSource(file, problems, cache);
      if (!source) return;
      // The body is checked also when the front matter has mistakes, as a project's is.
      problems.push(...photosOutsideProjects(source, cache.references(source)));
      problems.push(...diskLinkProblems(source, cache.diskLinks(source)));
      const parsed = cache.frontMatter(source, schoolFrontMatter);
      if (!parsed.success) {
        problems.push(...issueProblems(source, parsed.error.issues, SCHOOL_FIELDS));
        return;
      }
      school.name[file.lang] = parsed.data.name;
      school.introHtml[file.lang] = cache.html(source, new Map(), []);
      school.email ??= parsed.data.email;
    }),
  );
  return school;
}

interface ValidVersion {
  source: SourceFile;
  fields: ProjectFrontMatter;
  version: ProjectVersion;
}

async function readProject(folder: ProjectFolder, problems: ContentProblem[], bodies: ProjectBody[], cache: LoadCache): Promise<ProjectRecord | undefined> {
  const versions = await Promise.all(
    folder.files.map(async (file): Promise<ValidVersion | undefined> => {
      const source = await readSource(file, problems, cache);
      if (!source) return undefined;
      // Photos are checked in every readable file, also one whose front matter has mistakes.
      const photos = await checkPhotoReferences(
        source,
        file.lang,
        { absolute: path.dirname(file.absolute), shown: folder.folder, projectId: `${folder.year}/${folder.slug}` },
        cache.references(source),
        problems,
      );
      problems.push(...diskLinkProblems(source, cache.diskLinks(source)));
      const parsed = cache.frontMatter(source, projectFrontMatter);
      if (!parsed.success) {
        problems.push(...issueProblems(source, parsed.error.issues, PROJECT_FIELDS));
        return undefined;
      }
      const fields = parsed.data;
      // The body is rendered once the whole archive is checked (and its photos encoded).
      const version: ProjectVersion = {
        lang: file.lang,
        title: fields.title,
        summary: fields.summary,
        outcomes: fields.outcomes ?? [],
        html: '',
        file: file.file,
      };
      bodies.push({ version, source, photos });
      return { source, fields, version };
    }),
  );
  const valid = versions.filter((version): version is ValidVersion => version !== undefined);
  if (valid.length < folder.files.length) return undefined;

  const neutral = mergeLanguageNeutralFields(folder, valid, problems);
  if (!neutral) return undefined;
  return {
    id: `${folder.year}/${folder.slug}`,
    year: folder.year,
    slug: folder.slug,
    folder: folder.folder,
    classes: neutral.classes,
    partners: neutral.partners,
    labels: neutral.labels,
    ...(neutral.link ? { link: neutral.link } : {}),
    continues: neutral.continues,
    continuesAt: neutral.continuesAt,
    versions: Object.fromEntries(valid.map(({ version }) => [version.lang, version])),
  };
}

type NeutralField = (typeof LANGUAGE_NEUTRAL_FIELDS)[number];

/** How two language files' values are compared: by meaning, not spelling (`Ε'` = `Ε΄`, `lv` = `Λετονία`). */
const comparable: Record<NeutralField, (fields: ProjectFrontMatter) => string | undefined> = {
  classes: (fields) => fields.classes?.map(classGroupKey).sort().join(','),
  partners: (fields) => fields.partners?.slice().sort().join(','),
  continues: (fields) => fields.continues,
  labels: (fields) => fields.labels && sortLabels(fields.labels).join(','),
  link: (fields) => fields.link && samePageKey(fields.link),
};

/** A field's value as the messages quote it, in its normal spelling. */
const quoted: Record<NeutralField, (fields: ProjectFrontMatter) => string> = {
  classes: (fields) => (fields.classes ?? []).map(classGroupCode).join(', '),
  partners: (fields) => (fields.partners ?? []).join(', '),
  continues: (fields) => fields.continues ?? '',
  labels: (fields) => sortLabels(fields.labels ?? []).join(', '),
  link: (fields) => fields.link ?? '',
};

/**
 * Classes, partners, `continues`, labels and the link may be written in any
 * language file; when written in more than one, they must say the same thing.
 */
function mergeLanguageNeutralFields(folder: ProjectFolder, versions: ValidVersion[], problems: ContentProblem[]) {
  let ok = true;
  for (const field of LANGUAGE_NEUTRAL_FIELDS) {
    const written = versions.filter((version) => version.fields[field] !== undefined);
    const [first, ...others] = written;
    for (const other of others) {
      if (comparable[field](first!.fields) === comparable[field](other.fields)) continue;
      ok = false;
      const firstAt = `${first!.source.file}:${first!.source.lineOf([field])}`;
      const otherAt = `${other.source.file}:${other.source.lineOf([field])}`;
      problems.push({
        file: other.source.file,
        line: other.source.lineOf([field]),
        field,
        message: say('disagree', { here: quoted[field](other.fields), there: quoted[field](first!.fields), at: firstAt }),
        fix: say('disagreeFix', { first: firstAt, other: otherAt, field }),
      });
    }
  }
  for (const field of REQUIRED_NEUTRAL_FIELDS) {
    if (versions.some((version) => version.fields[field] !== undefined)) continue;
    ok = false;
    // The field is most likely in the misnamed file, whose problem says to rename it.
    if (folder.hasMisnamedFile) continue;
    const first = versions[0]!;
    problems.push({
      file: first.source.file,
      line: 1,
      field,
      message: say('missingNeutral', { field }),
      fix: say('missingNeutralFix', { file: first.source.file, example: field === 'classes' ? "classes: [Ε', ΣΤ1]" : 'partners: [Ελλάδα, Λετονία]' }),
    });
  }
  if (!ok) return undefined;
  const from = (field: NeutralField) => versions.find((version) => version.fields[field] !== undefined);
  const continuesFrom = from('continues');
  return {
    classes: from('classes')!.fields.classes!,
    partners: from('partners')!.fields.partners!,
    labels: sortLabels(from('labels')?.fields.labels ?? []),
    link: from('link')?.fields.link,
    continues: continuesFrom?.fields.continues,
    continuesAt: continuesFrom && { file: continuesFrom.source.file, line: continuesFrom.source.lineOf(['continues']) },
  };
}
