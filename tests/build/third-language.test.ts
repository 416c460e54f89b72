/**
 * Adding a language is what the README's "Adding a language" says: its code
 * in LANGUAGES (and its script in SCRIPTS) in src/i18n/languages.ts, and its
 * locale file. This test does exactly that in a copy of the project, with
 * French and tests/fixtures/locales/fr.json, writes the school's French file
 * and one project's, and builds the bundled archive: every page in three
 * languages, the new one under /fr/, and `npm run check -- --lang fr`
 * speaking French. Nothing else of the project is changed.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseHtml } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { BuiltSite, repoRoot, runCli, text } from '../helpers/built-site.ts';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';
import { parseReport } from '../helpers/report.ts';

const CODE = 'fr';
const ALL = [...LANGUAGES, CODE];
/** The texts a French reader must see: the fixture's own, not written again here. */
const fr = JSON.parse(readFileSync(path.join(repoRoot, 'tests/fixtures/locales', `${CODE}.json`), 'utf8'));
const french = (key: string, values: Record<string, string> = {}) =>
  key
    .split('.')
    .reduce((tree, part) => tree[part], fr)
    .replace(/\{\{(\w+)\}\}/g, (_: string, name: string) => values[name] ?? '');

/** A project with a French file, and one without. */
const TRANSLATED = '2015-2016/the-scratch-project';
const UNTRANSLATED = '2013-2014/traditional-cultures';
/** One page of every kind, as its path in the default language (the 404 page is a file). */
const EVERY_KIND = [
  '/',
  '/archive/',
  '/2015-2016/',
  `/${TRANSLATED}/`,
  `/${UNTRANSLATED}/`,
  '/grades/',
  '/grades/5/',
  '/countries/',
  '/countries/lv/',
  '/search/',
  '/accessibility/',
  '/labels/',
  '/labels/national/',
  '/404.html',
];

/** The translated project's page on the platform, as its English file gives it (copied from the platform in English). */
const PLATFORM_PAGE = 'https://school-education.ec.europa.eu/en/etwinning/projects/the-scratch-project';

/** The same page in `lang`: the default language at the root, the others under /<code>/. */
const inLanguage = (url: string, lang: string) => (lang === LANGUAGES[0] ? url : `/${lang}${url}`);

let copy: ProjectCopy;
let project: string;
let site: BuiltSite;

/** Replaces `pattern` in a file of the copy, which must be there once. */
function edit(file: string, pattern: RegExp, replace: (...groups: string[]) => string): void {
  const absolute = path.join(project, file);
  const before = readFileSync(absolute, 'utf8');
  assert.equal(before.match(new RegExp(pattern.source, 'g'))?.length, 1, `${file} has ${pattern} once`);
  writeFileSync(absolute, before.replace(pattern, replace));
}

before(() => {
  copy = copyProject('third-language');
  project = copy.project;

  // The two steps of adding a language.
  edit('src/i18n/languages.ts', /export const LANGUAGES = \[(.*)\] as const;/, (line, codes) => line.replace(codes!, `${codes}, '${CODE}'`));
  edit('src/i18n/languages.ts', /(export const SCRIPTS: .* = \{.*) \};/, (_, start) => `${start}, ${CODE}: LATIN_LETTERS };`);
  cpSync(path.join(repoRoot, 'tests/fixtures/locales', `${CODE}.json`), path.join(project, 'src/i18n/locales', `${CODE}.json`));

  // The translated project earned the National Quality Label and has its page on the platform (the bundled archive states neither),
  // written in its English file, so that the Greek one keeps its lines for the messages below.
  edit(`content/${TRANSLATED}/index.en.md`, /^---\n/, () => `---\nlabels: [national]\nlink: ${PLATFORM_PAGE}\n`);

  // What a school then writes: its name in French, and a project's French text.
  writeFileSync(
    path.join(project, 'content', `school.${CODE}.md`),
    '---\nname: "14e école primaire d’Acharnes"\n---\n\nLa 14e école primaire d’Acharnes participe chaque année scolaire aux partenariats scolaires eTwinning.\n',
  );
  writeFileSync(
    path.join(project, 'content', TRANSLATED, `index.${CODE}.md`),
    [
      '---',
      'title: "Le projet Scratch"',
      'summary: "La 5e année participe au projet avec des partenaires de 12 pays."',
      'outcomes:',
      '  - title: "Nos jeux Scratch"',
      '    url: https://games.example.org/scratch-project',
      '---',
      '',
      'La 5e année participe au projet The Scratch Project avec des partenaires de Grèce, de Lettonie, du Royaume-Uni et de neuf autres pays.',
      '',
      '![Dessin : des blocs de programmation colorés emboîtés les uns sous les autres](programming-blocks.jpg)',
      '',
    ].join('\n'),
  );
  site = new BuiltSite([], '/', project);
});

after(() => {
  site?.remove();
  copy.remove();
});

test('every page exists in the three languages, the new one under /fr/', () => {
  const pages = new Set(site.htmlPages());
  const inDefault = [...pages].filter((url) => !LANGUAGES.slice(1).some((lang) => url.startsWith(`/${lang}/`)) && !url.startsWith(`/${CODE}/`));
  assert.ok(inDefault.length > 40, `the archive's pages (${inDefault.length})`);
  for (const url of inDefault) {
    for (const lang of ALL) assert.ok(pages.has(inLanguage(url, lang)), `${inLanguage(url, lang)}, the page ${url} in ${lang}`);
  }
  assert.equal(pages.size, inDefault.length * ALL.length, 'no page in one language only');
  for (const file of ['feed.xml', 'feed.json']) assert.ok(existsSync(path.join(site.outputDir, CODE, file)), `/${CODE}/${file}`);
});

test('the language switcher lists the three languages, leading to the same page, on every kind of page', () => {
  for (const url of EVERY_KIND) {
    for (const lang of ALL) {
      const page = inLanguage(url, lang);
      const items = site.html(page).querySelectorAll('.language-switcher li');
      assert.deepEqual(
        items.map((item) => item.querySelector('a, span')?.getAttribute('lang')),
        ALL,
        `${page}: one entry per language, in order`,
      );
      for (const [index, item] of items.entries()) {
        const other = ALL[index]!;
        const link = item.querySelector('a');
        if (other === lang) assert.equal(link, null, `${page}: its own language is not a link`);
        else assert.equal(link?.getAttribute('href'), inLanguage(url, other), `${page}: leads to the same page in ${other}`);
      }
      assert.equal(text(items.find((item) => item.querySelector('[lang=fr]'))), fr.languageName, `${page}: French is named in French`);
    }
  }
});

test('pages in the new language have lang="fr" and its texts', () => {
  for (const url of EVERY_KIND) {
    const page = inLanguage(url, CODE);
    const html = site.html(page);
    assert.equal(html.querySelector('html')?.getAttribute('lang'), CODE, page);
    assert.equal(text(html.querySelector('.skip-link')), french('site.skipLink'), page);
    assert.deepEqual(
      html.querySelectorAll('.site-nav a').map((link) => text(link)),
      ['home', 'archive', 'grades', 'partners', 'search'].map((key) => french(`nav.${key}`)),
      page,
    );
    assert.equal(html.querySelector('.language-switcher')?.getAttribute('aria-label'), french('site.languages'), page);
  }
  const home = site.html(`/${CODE}/`);
  assert.equal(text(home.querySelector('h1')), '14e école primaire d’Acharnes');
  assert.equal(text(site.html(`/${CODE}/archive/`).querySelector('h1')), french('archive.title'));
  assert.equal(text(site.html(`/${CODE}/grades/5/`).querySelector('h1')), '5e année');
  // Names from Intl, in French.
  assert.equal(text(site.html(`/${CODE}/countries/lv/`).querySelector('h1')), 'Lettonie');
  assert.equal(text(site.html(`/${CODE}/2015-2016/`).querySelector('h1')), french('year.title', { year: '2015–2016' }));
  // The search page hands Pagefind the French texts.
  assert.match(site.html(`/${CODE}/search/`).toString(), /Rechercher dans les projets/);
});

test('a project with a French file shows it; one without shows the text it has, marked with its lang, and says it is not translated', () => {
  const translated = site.html(`/${CODE}/${TRANSLATED}/`);
  assert.equal(text(translated.querySelector('h1')), 'Le projet Scratch');
  // Latin letters on a page in a language written in Latin letters: no lang to add.
  assert.equal(translated.querySelector('h1')?.getAttribute('lang'), undefined);
  assert.equal(translated.querySelector('.notice'), null);
  assert.equal(translated.querySelector('article .body')?.getAttribute('lang'), undefined);
  assert.match(text(translated.querySelector('article .body')), /^La 5e année participe au projet The Scratch Project/);
  assert.equal(
    translated.querySelector('article .body img')?.getAttribute('alt'),
    'Dessin : des blocs de programmation colorés emboîtés les uns sous les autres',
  );
  assert.match(text(translated.querySelector('.facts')), /Grèce, Lettonie, Royaume-Uni/);

  const untranslated = site.html(`/${CODE}/${UNTRANSLATED}/`);
  assert.equal(text(untranslated.querySelector('.notice')), french('project.notTranslated', { language: 'grec' }));
  const body = untranslated.querySelector('article .body')!;
  assert.equal(body.getAttribute('lang'), 'el');
  assert.match(text(body), /Η Στ' Δημοτικού συμμετέχει στο πρόγραμμα Traditional Cultures/);

  // The other languages are as they were: the Greek page shows its own text, and the English page too.
  assert.equal(site.html(`/${TRANSLATED}/`).querySelector('.notice'), null);
  assert.equal(text(site.html(`/en/${TRANSLATED}/`).querySelector('h1')), 'The Scratch Project');
  // In lists, the French title is shown on French pages.
  assert.ok(
    site
      .html(`/${CODE}/2015-2016/`)
      .querySelectorAll('main a')
      .some((link) => text(link) === 'Le projet Scratch'),
  );
});

test("a project's Quality Label, its platform page and what the pupils made are shown in French, the platform page in French", () => {
  const page = site.html(`/${CODE}/${TRANSLATED}/`);
  const badge = page.querySelector('article .facts .quality-labels a.quality-label')!;
  assert.deepEqual(
    [text(badge.closest('div')!.querySelector('dt')), text(badge), badge.getAttribute('href'), badge.getAttribute('data-pagefind-filter')],
    [french('labels.fact'), french('labels.national'), `/${CODE}/labels/national/`, french('labels.filter')],
  );
  const platform = page.querySelector('.project-link a')!;
  assert.equal(text(platform), french('outcomes.platform'));
  assert.equal(platform.getAttribute('href'), PLATFORM_PAGE.replace('/en/', `/${CODE}/`));
  const outcomes = page.querySelector('section.outcomes')!;
  assert.equal(text(outcomes.querySelector('h2')), french('outcomes.title'));
  assert.deepEqual(
    outcomes.querySelectorAll('li a').map((link) => [text(link), link.getAttribute('href'), link.getAttribute('lang')]),
    [['Nos jeux Scratch', 'https://games.example.org/scratch-project', undefined]],
  );

  const labels = site.html(`/${CODE}/labels/`);
  assert.equal(text(labels.querySelector('h1')), french('labels.title'));
  assert.equal(text(labels.querySelector('main p')), french('labels.intro'));
  const national = site.html(`/${CODE}/labels/national/`);
  assert.equal(text(national.querySelector('h1')), french('labels.national'));
  assert.equal(text(national.querySelector(`main a[href="/${CODE}/labels/"]`)), french('labels.all'));
  assert.equal(text(site.html(`/${CODE}/`).querySelector(`.counts a[href="/${CODE}/labels/"]`)), '1 projet avec un label de qualité eTwinning');
});

test('the sitemap gives every page its three alternates and x-default', () => {
  const { urlset } = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'url' || name === 'xhtml:link' }).parse(
    readFileSync(path.join(site.outputDir, 'sitemap.xml'), 'utf8'),
  );
  assert.equal(urlset.url.length, site.htmlPages().filter((url) => !url.endsWith('404.html')).length);
  for (const url of urlset.url) {
    const links = Object.fromEntries(url['xhtml:link'].map((link: Record<string, string>) => [link['@hreflang'], link['@href']]));
    assert.deepEqual(Object.keys(links), [...ALL, 'x-default'], url.loc);
    assert.ok(Object.values(links).includes(url.loc), `${url.loc} is one of its alternates`);
    assert.ok((links[CODE] as string).startsWith(`/${CODE}/`), url.loc);
  }
});

test('the web editor edits the three languages', () => {
  const config = parseYaml(readFileSync(path.join(site.outputDir, 'admin/config.yml'), 'utf8'));
  assert.deepEqual(config.i18n.locales, ALL);
  const school = config.collections.find((collection: { files?: unknown[] }) => collection.files);
  assert.deepEqual(
    school.files.map((file: { file: string }) => path.basename(file.file)),
    ALL.map((lang) => `school.${lang}.md`),
  );
  // The editor's page says it is not configured in the default language, then in the others, each marked.
  const page = site.html('/admin/');
  assert.deepEqual(
    page.querySelectorAll('main p[lang]').map((paragraph) => paragraph.getAttribute('lang')),
    ALL.slice(1),
  );
  assert.equal(text(page.querySelector(`main p[lang=${CODE}]`)), text(parseHtml(french('editor.page.notConfigured'))));
});

test('npm run check -- --lang fr speaks French: warnings for what is not translated, mistakes with their fix', () => {
  const clean = runCli('check', ['--lang', CODE], project);
  assert.equal(clean.status, 0, clean.stderr);
  assert.ok(
    clean.stdout.includes(
      `content/${UNTRANSLATED}: ${french('messages.warning')}: ${french('messages.missingTranslation', { languages: 'français' })}\n` +
        `    ${french('messages.fix')}: ${french('messages.missingTranslationFix', { file: `content/${UNTRANSLATED}/index.${CODE}.md` })}`,
    ),
    clean.stdout,
  );
  assert.ok(!clean.stdout.includes(`content/${TRANSLATED}: `), 'the translated project is not named');

  // A mistake, said in French: the suggestion names the country in the three languages.
  const broken = path.join(path.dirname(project), 'broken');
  cpSync(path.join(project, 'content'), broken, { recursive: true });
  const file = path.join(broken, TRANSLATED, 'index.el.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('"Λετονία"', '"Latvija"'));
  const result = runCli('check', ['--lang', CODE, '--content', broken], project);
  assert.equal(result.status, 1, result.stdout);
  const blocks = result.stderr.trimEnd().split('\n\n');
  const [main, fix] = blocks[0]!.split('\n');
  assert.equal(main, `${path.join(broken, TRANSLATED, 'index.el.md')}:7: partners: ${french('messages.badCountry', { value: 'Latvija' })}`);
  assert.equal(
    fix,
    `    ${french('messages.fix')}: Vouliez-vous dire Λετονία / Latvia / Lettonie (LV) ? Écrivez le nom du pays en grec ou en anglais ou en français, ou son code à deux lettres.`,
  );
  assert.match(blocks.at(-1)!, /^1 erreur dans 1 fichier, \d+ avertissements\. Corrigez-la et relancez la vérification\.$/);

  // The build's report stays in English, as CI reads it.
  const build = runCli('build', ['--content', broken, '--output', path.join(path.dirname(project), 'not-built')], project);
  assert.equal(build.status, 1);
  assert.match(
    parseReport(build.stderr).problems[0]!.fix,
    /^Did you mean Λετονία \/ Latvia \/ Lettonie \(LV\)\? Write the country's name in Greek or English or French/,
  );
});

test('npm run new takes --title-fr and understands country names in French', () => {
  const content = path.join(path.dirname(project), 'new-content');
  cpSync(path.join(project, 'content'), content, { recursive: true });
  const result = runCli(
    'new',
    ['--content', content, '--year', '2016-2017', `--title-${CODE}`, 'Les quatre saisons', '--classes', 'Ε', '--partners', 'Grèce, Lettonie', '--lang', CODE],
    project,
  );
  assert.equal(result.status, 0, result.stderr);
  const written = path.join(content, '2016-2017', 'les-quatre-saisons', `index.${CODE}.md`);
  assert.ok(result.stdout.includes(french('cli.new.written', { file: written })), result.stdout);
  assert.match(readFileSync(written, 'utf8'), /^---\ntitle: Les quatre saisons\nclasses:\n {2}- Ε'\npartners:\n {2}- Grèce\n {2}- Lettonie\n---\n/);
});
