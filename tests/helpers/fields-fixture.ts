/**
 * The bundled archive with what schools add from their eTwinning records: two
 * projects with Quality Labels, one with its page on the European School
 * Education Platform and what its pupils made in both languages, the other
 * with what its pupils made in its Greek file only. The bundled content has
 * none of this (the school's old page states none), so the tests of these
 * fields, and the browser tests of every kind of page, build this copy.
 */
import { makeContentFixture, SCRATCH, SCRATCH_EL, SCRATCH_EN, type ContentFixture } from './content-fixture.ts';

export { SCRATCH };

/** The project with everything, in both languages: both labels, its platform page, three outcomes a language. */
export const FULL = SCRATCH;
/** The project with the National Quality Label and outcomes in its Greek file only. */
export const GREEK_OUTCOMES = '2014-2015/cool-or-not-too-cool';

export const PLATFORM = {
  /** As the Greek file writes it: copied from the platform in Greek. */
  el: 'https://school-education.ec.europa.eu/el/etwinning/projects/the-scratch-project',
  /** As the English file writes it: the same page, copied in English. */
  en: 'https://school-education.ec.europa.eu/en/etwinning/projects/the-scratch-project',
};

export const OUTCOMES = {
  el: [
    { title: 'Τα παιχνίδια μας στο Scratch', url: 'https://games.example.org/scratch-project' },
    { title: 'Το ηλεκτρονικό βιβλίο της τάξης', url: 'https://books.example.net/e5-book' },
  ],
  en: [
    { title: 'Our Scratch games', url: 'https://games.example.org/scratch-project' },
    { title: "The class's e-book", url: 'https://books.example.net/e5-book' },
  ],
  /** Of the other project, in its Greek file only. */
  greekOnly: [{ title: 'Ταινία: δροσερό ή όχι και τόσο;', url: 'https://video.example.com/cool-or-not' }],
};

const outcomesYaml = (outcomes: { title: string; url: string }[]) =>
  `outcomes:\n${outcomes.map(({ title, url }) => `  - title: "${title}"\n    url: ${url}\n`).join('')}`;

/** The fixture: labels written as teachers write them (Greek words in one file, English names in another). */
export function makeFieldsFixture(): ContentFixture {
  const fixture = makeContentFixture();
  const el = fixture.read(SCRATCH_EL);
  fixture.write(SCRATCH_EL, el.replace(/^---\n/, `---\nlabels: [Εθνική Ετικέτα Ποιότητας, ευρωπαϊκή]\nlink: ${PLATFORM.el}\n${outcomesYaml(OUTCOMES.el)}`));
  const en = fixture.read(SCRATCH_EN);
  fixture.write(SCRATCH_EN, en.replace(/^---\n/, `---\nlink: ${PLATFORM.en}\n${outcomesYaml(OUTCOMES.en)}`));
  const coolEl = `${GREEK_OUTCOMES}/index.el.md`;
  fixture.write(coolEl, fixture.read(coolEl).replace(/^---\n/, `---\n${outcomesYaml(OUTCOMES.greekOnly)}`));
  const coolEn = `${GREEK_OUTCOMES}/index.en.md`;
  fixture.write(coolEn, fixture.read(coolEn).replace(/^---\n/, '---\nlabels: National Quality Label\n'));
  return fixture;
}
