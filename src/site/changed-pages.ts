/**
 * `npm start` rebuilds on every save, and at a few thousand projects drawing
 * every page again takes seconds. A saved Markdown file changes few pages: its
 * project's, and, when a title, class or partner changed, the lists that show
 * the project. So each page gets a fingerprint of what it shows, and after an
 * edit of the content only the pages whose fingerprint changed are drawn again.
 *
 * A fingerprint is the page's own data with every other project reduced to
 * what a list or a link shows of it (its card), and each year, grade and
 * country to its name and project count. The home page also shows the
 * archive's counts per year, the grades index each grade's count, and every
 * page the school's name.
 */
import type { Archive, Project } from '../content/model.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import type { Page } from './pages.ts';

/**
 * A page's fingerprint is a list of strings, compared one by one: a project's
 * rendered body stays the same string from one load to the next when its file
 * did not change, so comparing it costs nothing, and it is never copied.
 */
export type Fingerprint = readonly string[];

export function pageFingerprints(archive: Archive, pages: readonly Page[]): Map<string, Fingerprint> {
  // Each project is reduced once, not once per page that shows it.
  const card = (project: Project) => [project.id, project.classes, project.partners, LANGUAGES.map((lang) => project.versions[lang]?.title ?? null)];
  const cards = new Map<object, string>(archive.projects.map((project) => [project, JSON.stringify(card(project))]));
  // What a project's own page shows of it: its card, the cards it links to across years, each version's text.
  const own = new Map<Project, string[]>();
  const ownParts = (project: Project): string[] => {
    let parts = own.get(project);
    if (!parts) {
      const linked = [project.continues, ...project.continuedIn].map((other) => (other ? cards.get(other)! : '-'));
      const texts = LANGUAGES.flatMap((lang) => {
        const version = project.versions[lang];
        return version ? [version.summary ?? '', version.html, version.file] : ['-'];
      });
      own.set(project, (parts = [cards.get(project)!, ...linked, ...texts]));
    }
    return parts;
  };
  const versions = new Set<object>(archive.projects.flatMap((project) => Object.values(project.versions)));
  const years = new Set<object>(archive.years);
  const grades = new Set<object>(archive.grades);
  const partners = new Set<object>(archive.partners);
  // In the languages' order: the school's files are read in parallel, so its objects' keys come in any order.
  const school = JSON.stringify([archive.school.email, LANGUAGES.map((lang) => [archive.school.name[lang], archive.school.introHtml[lang]])]);
  // What two pages show of the whole archive besides their own data: the home page its counts, the grades index each grade's.
  const archiveWide: Partial<Record<Page['kind'], string>> = {
    home: JSON.stringify([
      archive.projects.length,
      archive.partners.length,
      archive.years.map((year) => [year.id, year.projects.length, new Set(year.projects.flatMap((project) => project.partners)).size]),
    ]),
    grades: JSON.stringify(archive.grades.map((grade) => [grade.grade, grade.projects.length])),
  };

  const fingerprints = new Map<string, Fingerprint>();
  for (const page of pages) {
    if (page.kind === 'project') {
      // Most pages are projects' pages: what they show is said directly, which is quicker than the general way below.
      const project = page.project!;
      fingerprints.set(page.url, [school, page.title, page.version!.lang, ...ownParts(project)]);
      continue;
    }
    const shown = JSON.stringify(page, (_key, value: unknown) => {
      if (typeof value !== 'object' || value === null) return value;
      const projectCard = cards.get(value);
      // The page's own project is in ownParts below.
      if (projectCard !== undefined) return value === page.project ? 'this project' : projectCard;
      // The page's version is in its project's.
      if (versions.has(value)) return (value as { lang: string }).lang;
      if (years.has(value)) return (value as Archive['years'][number]).id;
      if (grades.has(value)) return (value as Archive['grades'][number]).grade;
      if (partners.has(value)) {
        const partner = value as Archive['partners'][number];
        return [partner.code, partner.projects.length];
      }
      return value;
    });
    fingerprints.set(page.url, [school, archiveWide[page.kind] ?? '', shown, ...(page.project ? ownParts(page.project) : [])]);
  }
  return fingerprints;
}

const same = (a: Fingerprint | undefined, b: Fingerprint | undefined) => a !== undefined && b !== undefined && a.length === b.length && a.every((part, i) => part === b[i]);

/** Remembers the fingerprints of the pages last drawn, to tell which changed since. */
export class DrawnPages {
  #drawn = new Map<string, Fingerprint>();

  /** The pages to draw: every one, or (after an edit of the content only) those whose fingerprint changed. */
  select(archive: Archive, pages: Page[], everything: boolean): Page[] {
    const fingerprints = pageFingerprints(archive, pages);
    const changed = everything ? pages : pages.filter((page) => !same(this.#drawn.get(page.url), fingerprints.get(page.url)));
    this.#drawn = fingerprints;
    return changed;
  }
}
