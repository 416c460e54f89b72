/**
 * `npm start` rebuilds on every save, and at a few thousand projects drawing
 * every page again takes seconds. A saved Markdown file changes few pages: its
 * project's, and, when something a list shows changed, the lists that show the
 * project. So each page gets a fingerprint of what it shows, and after an edit
 * of the content only the pages whose fingerprint changed are drawn again.
 *
 * The fingerprint is made from the same data the templates render, not from a
 * list of what they show: a page's own data (src/site/pages.ts, which carries
 * everything its template reads besides the school's texts), with each other
 * project reduced to its card (src/site/project-card.ts, the one thing a list
 * or a link shows of it), plus the school's texts, which every page shows.
 * A field added to a page or a card is in its fingerprint by construction;
 * tests/build/changed-pages.test.ts changes each field of a project in turn
 * and checks that every page whose HTML changed is drawn again.
 */
import { createHash } from 'node:crypto';
import type { Archive, Project, ProjectVersion } from '../content/model.ts';
import { LANGUAGES, type Lang } from '../i18n/languages.ts';
import type { Page } from '../site/pages.ts';
import { projectCard } from '../site/project-card.ts';

/**
 * A page's fingerprint is a list of strings, compared one by one: a project's
 * rendered body stays the same string from one load to the next when its file
 * did not change, so comparing it costs nothing, and it is never copied.
 */
export type Fingerprint = readonly string[];

export function pageFingerprints(archive: Archive, pages: readonly Page[]): Map<string, Fingerprint> {
  const projects = new Set<object>(archive.projects);
  const versions = new Set<object>(archive.projects.flatMap((project) => Object.values(project.versions)));
  /**
   * Each project's card, made once per language, as a digest of it: a list
   * page shows twenty cards, and a digest is what tells a changed card from
   * an unchanged one, without writing out its whole text in every page that
   * shows it.
   */
  const cards = new Map<string, string>();
  const card = (project: Project, lang: Lang) => {
    const id = `${lang} ${project.id}`;
    let made = cards.get(id);
    if (made === undefined) {
      made = createHash('sha256')
        .update(JSON.stringify(projectCard(project, lang)))
        .digest('base64');
      cards.set(id, made);
    }
    return made;
  };
  /** Other projects as their cards, a project's versions as their language (the version itself is in its project). */
  const replacer = (lang: Lang) =>
    function (this: unknown, _key: string, value: unknown): unknown {
      if (typeof value !== 'object' || value === null) return value;
      if (projects.has(value)) return card(value as Project, lang);
      if (versions.has(value)) return (value as ProjectVersion).lang;
      return value;
    };
  /** A project page's own project: every field of it, other projects (continues) as their cards. Once per language. */
  const owns = new Map<string, string>();
  const own = (project: Project, lang: Lang) => {
    const id = `${lang} ${project.id}`;
    let made = owns.get(id);
    if (made === undefined) {
      const { continues, continuedIn, versions: texts, ...facts } = project;
      const linked = [continues, ...continuedIn].map((other) => (other ? card(other, lang) : null));
      // A version is copied so the replacer sees its fields, not a version to reduce.
      made = JSON.stringify([facts, linked, LANGUAGES.map((other) => (texts[other] ? { ...texts[other] } : null))], replacer(lang));
      owns.set(id, made);
    }
    return made;
  };
  // In the languages' order: the school's files are read in parallel, so its objects' keys come in any order.
  const school = JSON.stringify([archive.school.email ?? null, LANGUAGES.map((lang) => [archive.school.name[lang], archive.school.introHtml[lang]])]);

  const fingerprints = new Map<string, Fingerprint>();
  for (const page of pages) {
    const { project, ...shown } = page as Page & { project?: Project };
    // The bulk of a project's page, its own project with its texts, is one string shared by every build that did not change it.
    fingerprints.set(page.url, [school, JSON.stringify(shown, replacer(page.lang)), project ? own(project, page.lang) : '']);
  }
  return fingerprints;
}

const same = (a: Fingerprint | undefined, b: Fingerprint | undefined) =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((part, i) => part === b[i]);

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
