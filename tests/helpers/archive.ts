/**
 * A small archive made in memory, as loadArchive makes it from the content
 * files but without reading any: for unit tests of what is built on an
 * Archive (pages, cards, fingerprints, charts, filters), which then run in
 * milliseconds and say exactly which projects they are about.
 */
import assert from 'node:assert/strict';
import { indexArchive, type ProjectRecord } from '../../src/content/index-archive.ts';
import type { Archive, Outcome, ProjectVersion, School } from '../../src/content/model.ts';
import type { ClassGroup } from '../../src/content/normalise/grades.ts';
import type { QualityLabel } from '../../src/content/normalise/labels.ts';
import type { Lang } from '../../src/i18n/languages.ts';

export const SCHOOL: School = {
  name: { el: '14ο Δημοτικό Σχολείο Αχαρνών', en: '14th Primary School of Acharnes' },
  introHtml: { el: '<p>Το σχολείο μας συμμετέχει στο eTwinning.</p>', en: '<p>Our school takes part in eTwinning.</p>' },
};

export interface ProjectFacts {
  /** `2015-2016/the-scratch-project` */
  id: string;
  /** The title in each language the project has a file in. */
  titles: Partial<Record<Lang, string>>;
  classes?: ClassGroup[];
  partners?: string[];
  continues?: string;
  summaries?: Partial<Record<Lang, string>>;
  /** Its eTwinning Quality Labels, national first, as load.ts stores them. */
  labels?: QualityLabel[];
  /** Its page on the European School Education Platform. */
  link?: string;
  /** What the pupils made, as each language's file lists it. */
  outcomes?: Partial<Record<Lang, Outcome[]>>;
}

/** A validated project as load.ts hands it to indexArchive, its files under `content/`. */
export function projectRecord(facts: ProjectFacts): ProjectRecord {
  const [year, slug] = facts.id.split('/') as [string, string];
  const folder = `content/${facts.id}`;
  const versions: Partial<Record<Lang, ProjectVersion>> = {};
  for (const [lang, title] of Object.entries(facts.titles) as [Lang, string][]) {
    const summary = facts.summaries?.[lang];
    versions[lang] = {
      lang,
      title,
      ...(summary ? { summary } : {}),
      html: `<p>${title}</p>`,
      file: `${folder}/index.${lang}.md`,
      outcomes: facts.outcomes?.[lang] ?? [],
    };
  }
  return {
    id: facts.id,
    year,
    slug,
    folder,
    classes: facts.classes ?? [{ grade: 5 }],
    partners: facts.partners ?? ['GR', 'LV'],
    labels: facts.labels ?? [],
    ...(facts.link ? { link: facts.link } : {}),
    versions,
    ...(facts.continues ? { continues: facts.continues, continuesAt: { file: `${folder}/index.el.md`, line: 5 } } : {}),
  };
}

/** The archive of these projects; fails the test if indexing them finds a problem. */
export function archiveOf(projects: readonly ProjectFacts[], school: School = SCHOOL): Archive {
  const { archive, problems } = indexArchive(school, projects.map(projectRecord));
  assert.deepEqual(problems, []);
  return archive;
}
