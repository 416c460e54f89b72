import type { Project } from '../content/model.ts';
import type { QualityLabel } from '../content/normalise/labels.ts';
import { classList, partnerList } from '../present/fact-lists.ts';
import { formatSchoolYear } from '../present/intl.ts';
import { textLang } from '../present/text-lang.ts';
import { translate } from '../i18n/i18n.ts';
import type { Lang } from '../i18n/languages.ts';
import { versionFor } from './pages.ts';
import { localUrl, projectPath } from './urls.ts';

/**
 * What a list shows of a project (components/project-card.njk renders this
 * and nothing else): its title as a link, its eTwinning Quality Labels as
 * badges, its school year, classes and partner countries. `npm start` compares these to tell which lists an edit
 * changed (changed-pages.ts), so a field added here is redrawn by construction.
 */
export interface ProjectCard {
  url: string;
  title: string;
  /** The title's language when it is not the page's (an English title on a Greek page). */
  titleLang?: Lang;
  year: string;
  classes: string;
  partners: string;
  /** Its eTwinning Quality Labels, national first, each with its name in the page's language; empty when none. */
  labels: { label: QualityLabel; name: string }[];
}

export function projectCard(project: Project, lang: Lang): ProjectCard {
  const version = versionFor(project, lang);
  const titleLang = textLang(version.title, lang);
  return {
    url: localUrl(lang, projectPath(project)),
    title: version.title,
    ...(titleLang ? { titleLang } : {}),
    year: formatSchoolYear(project.year),
    classes: classList(project.classes, lang),
    partners: partnerList(project.partners, lang),
    labels: project.labels.map((label) => ({ label, name: translate(lang, `labels.${label}`) })),
  };
}
