import { stringify } from 'yaml';
import { classList, partnerList } from '../present/fact-lists.ts';
import { translate } from '../i18n/i18n.ts';
import { FOLDER_NAME_LANGUAGES, LANGUAGES, type Lang } from '../i18n/languages.ts';
import { classGroupCode, type ClassGroup } from '../content/normalise/grades.ts';
import { countryName, type CountryCode } from '../content/normalise/countries.ts';
import type { QualityLabel } from '../content/normalise/labels.ts';
import { suggestSlug } from '../content/slug.ts';

/** What a teacher tells `npm run new` about a project. */
export interface NewProject {
  year: string;
  /** The title in each language it was given in; at least one. */
  titles: Partial<Record<Lang, string>>;
  classes: ClassGroup[];
  partners: CountryCode[];
  /** The same project in an earlier year, `YEAR/folder` (`npm run import` finds it on an old page). */
  continues?: string;
  /** Its eTwinning Quality Labels, if it earned any. */
  labels?: QualityLabel[];
  /** Its page on the European School Education Platform, an https address. */
  link?: string;
}

/**
 * The folder name comes from the English title, which reads naturally in a
 * URL, or else from the first title given (FOLDER_NAME_LANGUAGES), Greek
 * transliterated with ELOT 743;
 * cut after a whole word at SLUG_MAX_LENGTH. Empty when no title has a letter
 * or a digit a web address can use (`!!!`, emoji, Chinese): then the folder
 * needs a name of its own.
 */
export function slugFor(project: Pick<NewProject, 'titles'>): string {
  return FOLDER_NAME_LANGUAGES.map((lang) => suggestSlug(project.titles[lang] ?? '')).find(Boolean) ?? '';
}

/**
 * The files of a new project: one per language it has a title in (without an
 * English title there is no English file, and the site says the project is not
 * translated yet). The language-neutral fields go in the first file only, so
 * there is one place to change them. Each body is a first sentence of true
 * facts for the teacher to continue, unless `bodies` gives the text.
 */
export function newProjectFiles(project: NewProject, bodies: Partial<Record<Lang, string>> = {}): { name: string; text: string }[] {
  const languages = LANGUAGES.filter((lang) => project.titles[lang] !== undefined);
  return languages.map((lang, index) => {
    const title = project.titles[lang]!;
    const frontMatter: Record<string, unknown> = { title };
    if (index === 0) {
      frontMatter.classes = project.classes.map(classGroupCode);
      frontMatter.partners = project.partners.map((code) => countryName(code, lang));
      if (project.continues) frontMatter.continues = project.continues;
      if (project.labels?.length) frontMatter.labels = project.labels;
      if (project.link) frontMatter.link = project.link;
    }
    const body = bodies[lang] ?? newProjectBody(project, lang);
    return { name: `index.${lang}.md`, text: `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n\n${body}\n` };
  });
}

/** The first sentence of a new project's text in `lang`, made of its facts. */
export function newProjectBody(project: NewProject, lang: Lang): string {
  return translate(lang, 'cli.new.body', {
    title: project.titles[lang] ?? '',
    classes: classList(project.classes, lang),
    partners: partnerList(project.partners, lang),
  });
}
