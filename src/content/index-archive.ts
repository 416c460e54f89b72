import { closest } from 'fastest-levenshtein';
import { DEFAULT_LANG, LANGUAGES } from '../i18n/languages.ts';
import type { Archive, GradeEntry, LabelEntry, Partner, Project, School, SchoolYear } from './model.ts';
import { QUALITY_LABELS } from './normalise/labels.ts';
import { compareClassLists, type ClassGroup } from './normalise/grades.ts';
import type { CountryCode } from './normalise/countries.ts';
import { say } from './messages.ts';
import type { ContentProblem } from './problems.ts';

/** A validated project before it is linked to the rest of the archive. */
export interface ProjectRecord extends Omit<Project, 'continues' | 'continuedIn'> {
  folder: string;
  continues?: string;
  /** Where `continues` was written, for messages. */
  continuesAt?: { file: string; line: number };
}

const titleOrder = new Intl.Collator(DEFAULT_LANG);

/** A project's title for sorting: in the archive's first language when it has one. */
function sortTitle(project: Pick<Project, 'versions'>): string {
  const version = LANGUAGES.map((lang) => project.versions[lang]).find(Boolean);
  return version?.title ?? '';
}

/**
 * Links validated projects into the Archive: years newest first, projects in
 * the order of the classes that took part (as the school's own page lists
 * them), `continues` resolved both ways, and the grade and partner indexes;
 * with what is wrong in `continues` (the rule that needs every project).
 */
export function indexArchive(
  school: School,
  records: ProjectRecord[],
  /**
   * Every project folder found, valid or not: a project whose own file has a
   * mistake is still there, so `continues` pointing at it is not reported
   * (its own file's problem is), and it can still be suggested.
   */
  folderIds: ReadonlySet<string> = new Set(),
): { archive: Archive; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const projects = new Map<string, Project>();
  for (const { folder: _folder, continues: _continues, continuesAt: _at, ...record } of records) {
    projects.set(record.id, { ...record, continuedIn: [] });
  }
  for (const record of records) {
    if (!record.continues) continue;
    const earlier = projects.get(record.continues);
    const at = { file: record.continuesAt!.file, line: record.continuesAt!.line, field: 'continues' };
    if (!earlier && !folderIds.has(record.continues)) {
      const candidates = [...new Set([...projects.keys(), ...folderIds])].filter((id) => id < record.id && !id.startsWith(record.year));
      problems.push({
        ...at,
        message: say('continuesNowhere', { value: record.continues }),
        fix: candidates.length ? say('continuesNowhereFix', { nearest: closest(record.continues, candidates) }) : say('continuesNowhereFixNoCandidate'),
      });
      continue;
    }
    if (record.continues.split('/')[0]! >= record.year) {
      problems.push({
        ...at,
        message: say('continuesNotEarlier', { value: record.continues, year: record.year }),
        fix: say('continuesNotEarlierFix'),
      });
      continue;
    }
    // A project folder whose own files have mistakes: those are reported there.
    if (!earlier) continue;
    const project = projects.get(record.id)!;
    project.continues = earlier;
    earlier.continuedIn.push(project);
  }

  const years = new Map<string, SchoolYear>();
  for (const project of projects.values()) {
    let year = years.get(project.year);
    if (!year) {
      const [start, end] = project.year.split('-').map(Number) as [number, number];
      year = { id: project.year, start, end, projects: [] };
      years.set(project.year, year);
    }
    year.projects.push(project);
  }
  const sortedYears = [...years.values()].sort((a, b) => b.start - a.start);
  for (const year of sortedYears) {
    year.projects.sort((a, b) => compareClassLists(a.classes, b.classes) || titleOrder.compare(sortTitle(a), sortTitle(b)));
  }
  const allProjects = sortedYears.flatMap((year) => year.projects);
  for (const project of allProjects) project.continuedIn.sort((a, b) => a.year.localeCompare(b.year));

  const archive: Archive = {
    school,
    years: sortedYears,
    projects: allProjects,
    grades: groupBy(allProjects, (project) => project.classes.map((group: ClassGroup) => group.grade))
      .sort((a, b) => a.key - b.key)
      .map(({ key, projects }): GradeEntry => ({ grade: key, projects })),
    partners: groupBy(allProjects, (project) => project.partners).map(({ key, projects }): Partner => ({ code: key as CountryCode, projects })),
    labels: groupBy(allProjects, (project) => project.labels)
      .sort((a, b) => QUALITY_LABELS.indexOf(a.key) - QUALITY_LABELS.indexOf(b.key))
      .map(({ key, projects }): LabelEntry => ({ label: key, projects })),
  };
  return { archive, problems };
}

/** Each key with the projects that have it, keeping the projects' order and listing each project once per key. */
function groupBy<K>(projects: Project[], keysOf: (project: Project) => K[]): { key: K; projects: Project[] }[] {
  const groups = new Map<K, Project[]>();
  for (const project of projects) {
    for (const key of new Set(keysOf(project))) {
      const list = groups.get(key) ?? [];
      list.push(project);
      groups.set(key, list);
    }
  }
  return [...groups].map(([key, list]) => ({ key, projects: list }));
}
