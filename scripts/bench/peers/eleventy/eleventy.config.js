// The archive as a plain Eleventy site, for the benchmark, written as Eleventy's documentation
// teaches: Markdown files as templates with a Nunjucks layout, collections per school year,
// grade and partner country, lists paginated by 20 in both languages, feeds from the official
// RSS plugin, a sitemap template. scripts/bench/peers/convert.ts writes projects/ and
// _data/archive.json beside this file; nothing here comes from the project's own code.
import { feedPlugin } from '@11ty/eleventy-plugin-rss';
import markdownIt from 'markdown-it';
import { readFileSync } from 'node:fs';

const LANGUAGES = ['el', 'en'];
const DEFAULT_LANGUAGE = 'el';
const PER_PAGE = 20;

/** `/2015-2016/` in Greek, `/en/2015-2016/` in English. */
const localUrl = (path, lang) => (lang === DEFAULT_LANGUAGE ? path : `/${lang}${path}`);
/** The same page in every language. */
const alternates = (url) => {
  const path = url.replace(/^\/(en)\//, '/');
  return LANGUAGES.map((lang) => ({ lang, url: localUrl(path, lang) }));
};
const byWeight = (a, b) => a.data.weight - b.data.weight;
const yearOf = (item) => item.inputPath.split('/').at(-3);

/** A list of projects cut into pages of PER_PAGE, each page knowing the addresses of all. */
function listPages(lang, path, title, projects, extra = {}) {
  const count = Math.max(1, Math.ceil(projects.length / PER_PAGE));
  const hrefs = Array.from({ length: count }, (_, i) => localUrl(i === 0 ? path : `${path}page/${i + 1}/`, lang));
  return hrefs.map((url, i) => ({
    ...extra,
    lang,
    title,
    url,
    hrefs,
    number: i + 1,
    count,
    total: projects.length,
    projects: projects.slice(i * PER_PAGE, (i + 1) * PER_PAGE),
  }));
}

/** The projects of each key, in the projects' order. */
function groupBy(projects, keysOf) {
  const groups = new Map();
  for (const project of projects) {
    for (const key of keysOf(project)) {
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(project);
    }
  }
  return groups;
}

export default function (eleventyConfig) {
  // The school years, grades and country names the lists need (also global data for the templates).
  const archive = JSON.parse(readFileSync(new URL('./_data/archive.json', import.meta.url), 'utf8'));
  const markdown = markdownIt();
  const lists = new Map(LANGUAGES.map((lang) => [lang, new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' })]));
  const plurals = new Map(LANGUAGES.map((lang) => [lang, new Intl.PluralRules(lang)]));

  eleventyConfig.addPassthroughCopy('css');
  // Photos sit beside their project's texts, and are shown beside its page, in every language.
  for (const lang of LANGUAGES) {
    eleventyConfig.addPassthroughCopy({ projects: localUrl('/', lang) }, { filter: ['**/*.jpg', '**/*.jpeg', '**/*.png', '**/*.webp'] });
  }

  eleventyConfig.addGlobalData('languages', LANGUAGES);
  eleventyConfig.addFilter('localUrl', localUrl);
  eleventyConfig.addFilter('alternates', alternates);
  eleventyConfig.addFilter('formatList', (items, lang) => lists.get(lang).format(items));
  eleventyConfig.addFilter('markdown', (text) => markdown.render(text));
  /** The first page of each list in one language: the lists themselves, for the index pages. */
  eleventyConfig.addFilter('listsIn', (pages, lang) => pages.filter((page) => page.lang === lang && page.number === 1));
  /** `5 | plural("projects", lang)` → "5 projects", from _data/i18n.json's one/other forms. */
  eleventyConfig.addFilter('plural', function (count, key, lang) {
    const forms = this.ctx.i18n[lang][key];
    return (forms[plurals.get(lang).select(count)] ?? forms.other).replace('{count}', count);
  });

  for (const lang of LANGUAGES) {
    eleventyConfig.addCollection(`projects_${lang}`, (api) => api.getFilteredByGlob(`./projects/**/index.${lang}.md`).sort(byWeight));
    // The feed plugin lists a collection's last items first: the newest year's are last here.
    eleventyConfig.addCollection(`feed_${lang}`, (api) => api.getFilteredByGlob(`./projects/**/index.${lang}.md`).sort(byWeight).reverse());
  }

  const perLanguage = (api, pagesOf) => LANGUAGES.flatMap((lang) => pagesOf(lang, api.getFilteredByGlob(`./projects/**/index.${lang}.md`).sort(byWeight)));
  eleventyConfig.addCollection('archivePages', (api) =>
    perLanguage(api, (lang, projects) => {
      return listPages(lang, '/archive/', archive.titles[lang].archive, projects);
    }),
  );
  eleventyConfig.addCollection('yearPages', (api) =>
    perLanguage(api, (lang, projects) => {
      const groups = groupBy(projects, (project) => [yearOf(project)]);
      return archive.years.flatMap((year) => listPages(lang, `/${year.id}/`, year.title[lang], groups.get(year.id) ?? [], { year: year.id }));
    }),
  );
  eleventyConfig.addCollection('gradePages', (api) =>
    perLanguage(api, (lang, projects) => {
      const groups = groupBy(projects, (project) => project.data.grades);
      return Object.keys(archive.grades)
        .sort()
        .flatMap((grade) => listPages(lang, `/grades/${grade}/`, archive.grades[grade][lang], groups.get(grade) ?? []));
    }),
  );
  eleventyConfig.addCollection('countryPages', (api) =>
    perLanguage(api, (lang, projects) => {
      const groups = groupBy(projects, (project) => project.data.countries);
      const collator = new Intl.Collator(lang);
      const codes = Object.keys(archive.countries).sort((a, b) => collator.compare(archive.countries[a][lang], archive.countries[b][lang]));
      return codes.flatMap((code) => listPages(lang, `/countries/${code}/`, archive.countries[code][lang], groups.get(code) ?? []));
    }),
  );

  const metadata = {
    el: { language: 'el', title: 'Τα προγράμματα eTwinning', subtitle: '', base: 'https://example.org/', author: { name: '' } },
    en: { language: 'en', title: 'The eTwinning projects', subtitle: '', base: 'https://example.org/', author: { name: '' } },
  };
  for (const lang of LANGUAGES) {
    eleventyConfig.addPlugin(feedPlugin, {
      type: 'atom',
      outputPath: localUrl('/feed.xml', lang),
      collection: { name: `feed_${lang}`, limit: 50 },
      metadata: metadata[lang],
    });
  }
}
