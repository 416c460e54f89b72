import path from 'node:path';
import type { Lang } from '../i18n/languages.ts';
import { diskLinkProblems } from './disk-links.ts';
import { indexArchive, type ProjectRecord } from './index-archive.ts';
import { issueProblems } from './issue-problems.ts';
import { agreeOnNeutralFields, type ValidVersion } from './language-agreement.ts';
import type { LanguageFile, ProjectFolder } from './layout.ts';
import { LoadCache } from './load-cache.ts';
import type { Archive, ProjectVersion, School } from './model.ts';
import { checkPhotoReferences, photosOutsideProjects, type PhotoProcessor } from './photos.ts';
import { sortProblems, type ContentProblem } from './problems.ts';
import { type ProjectBody, renderProjectBodies } from './project-bodies.ts';
import { PROJECT_FIELDS, projectFrontMatter, SCHOOL_FIELDS, schoolFrontMatter } from './schema.ts';
import type { SourceFile } from './source-file.ts';

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

/**
 * Reads the content folder into an Archive, or into the full list of problems:
 * every file is read and checked before anything is reported, so a teacher
 * sees all mistakes at once rather than one per build. Each step gives its
 * own problems; they are gathered here.
 */
export async function loadArchive(contentDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const cache = options.cache ?? new LoadCache();
  const layout = await cache.layout(contentDir);
  const [school, projects] = await Promise.all([
    readSchool(layout.schoolFiles, cache),
    Promise.all(layout.projects.map((folder) => readProject(folder, cache))),
  ]);
  const records = projects.flatMap((project) => (project.record ? [project.record] : []));
  const folderIds = new Set(layout.projects.map((folder) => `${folder.year}/${folder.slug}`));
  const indexed = indexArchive(school.school, records, folderIds);
  const problems = [...layout.problems, ...school.problems, ...projects.flatMap((project) => project.problems), ...indexed.problems];
  // Photos are encoded only for content without mistakes, and bodies rendered once, with their pictures.
  if (problems.length === 0) {
    const bodies = projects.flatMap((project) => project.bodies);
    problems.push(...(await renderProjectBodies(bodies, options.photos, cache)));
  }
  const projectFolders = layout.projects;
  cache.loaded();
  return problems.length > 0 ? { problems: sortProblems(problems), projectFolders } : { archive: indexed.archive, problems, projectFolders };
}

/** A file's source, or its problems (it could not be read, or its front matter cannot be parsed). */
async function readSource(file: LanguageFile, cache: LoadCache): Promise<{ source?: SourceFile; problems: ContentProblem[] }> {
  const result = await cache.source(file);
  return 'problems' in result ? { problems: result.problems } : { source: result.source, problems: [] };
}

async function readSchool(files: LanguageFile[], cache: LoadCache): Promise<{ school: School; problems: ContentProblem[] }> {
  const school: School = { name: {} as Record<Lang, string>, introHtml: {} as Record<Lang, string> };
  const problems: ContentProblem[] = [];
  await Promise.all(
    files.map(async (file) => {
      const { source, problems: unread } = await readSource(file, cache);
      problems.push(...unread);
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
  return { school, problems };
}

/** A project folder read: its record when all its files are right, its bodies to render, and its problems. */
interface ReadProject {
  record?: ProjectRecord;
  bodies: ProjectBody[];
  problems: ContentProblem[];
}

async function readProject(folder: ProjectFolder, cache: LoadCache): Promise<ReadProject> {
  const problems: ContentProblem[] = [];
  const bodies: ProjectBody[] = [];
  const versions = await Promise.all(
    folder.files.map(async (file): Promise<ValidVersion | undefined> => {
      const { source, problems: unread } = await readSource(file, cache);
      problems.push(...unread);
      if (!source) return undefined;
      // Photos are checked in every readable file, also one whose front matter has mistakes.
      const { placed: photos, problems: photoProblems } = await checkPhotoReferences(
        source,
        file.lang,
        { absolute: path.dirname(file.absolute), shown: folder.folder, projectId: `${folder.year}/${folder.slug}` },
        cache.references(source),
      );
      problems.push(...photoProblems);
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
  if (valid.length < folder.files.length) return { bodies, problems };

  const agreed = agreeOnNeutralFields(folder, valid);
  if ('problems' in agreed) return { bodies, problems: [...problems, ...agreed.problems] };
  const neutral = agreed.fields;
  const record: ProjectRecord = {
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
  return { record, bodies, problems };
}
