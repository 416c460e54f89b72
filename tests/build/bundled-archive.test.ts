import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { BuiltSite, text } from '../helpers/built-site.ts';

/**
 * The school's archive as its old page gives it (shared/seed): every year,
 * project, class and partner country, in the page's order. Written out here,
 * not derived from the code, so a mistake in either shows.
 */
const COOL = 'Cool or not too cool? Rights and Obligations of students in the Greek and other EU primary Schools';
const SEED = [
  {
    year: '2015-2016',
    projects: [
      {
        slug: 'the-scratch-project',
        title: 'The Scratch Project',
        classes: { el: 'Εʹ', en: '5th grade' },
        partners: ['GR', 'LV', 'GB', 'IT', 'PT', 'PL', 'SK', 'BE', 'FR', 'RO', 'TR', 'ES'],
      },
      {
        slug: 'olympic-games-unite-the-world',
        title: 'Olympic Games unite the world',
        classes: { el: 'ΣΤ1', en: '6th grade, section 1' },
        partners: ['GR', 'TR', 'PL', 'RO', 'GB'],
      },
      { slug: 'cool-or-not-too-cool', title: COOL, classes: { el: 'ΣΤ2', en: '6th grade, section 2' }, partners: ['GR', 'GE', 'TR', 'MD', 'RO', 'ES'] },
    ],
  },
  {
    year: '2014-2015',
    projects: [
      {
        slug: '4-seasons-in-europe',
        title: '4 Seasons in Europe',
        classes: { el: 'Αʹ, Βʹ και Γʹ', en: '1st grade, 2nd grade, and 3rd grade' },
        partners: ['GR', 'LT', 'PL', 'GB', 'TR', 'UA'],
      },
      {
        slug: 'healthy-and-unhealthy-habits',
        title: 'Healthy and Unhealthy Habits',
        classes: { el: 'Δ2 και Ε1', en: '4th grade, section 2 and 5th grade, section 1' },
        partners: ['GR', 'PL', 'RO', 'LV'],
      },
      {
        slug: 'separated-and-united',
        title: 'Separated... and... United',
        classes: { el: 'Δ2 και Ε1', en: '4th grade, section 2 and 5th grade, section 1' },
        partners: ['GR', 'IT', 'TR', 'RO', 'PL'],
      },
      { slug: 'cool-or-not-too-cool', title: COOL, classes: { el: 'Ε2', en: '5th grade, section 2' }, partners: ['GR', 'GE', 'TR', 'MD', 'RO', 'ES'] },
    ],
  },
  {
    year: '2013-2014',
    projects: [
      { slug: 'traditional-cultures', title: 'Traditional Cultures', classes: { el: 'ΣΤʹ', en: '6th grade' }, partners: ['GR', 'PL', 'TR', 'ES', 'RO', 'SK'] },
    ],
  },
  {
    year: '2012-2013',
    projects: [
      { slug: 'medicinal-and-aromatic-plants', title: 'Medicinal and aromatic plants', classes: { el: 'Εʹ', en: '5th grade' }, partners: ['RO'] },
      {
        slug: 'holy-days-and-holidays-in-poland-and-in-greece',
        title: 'Holy Days and Holidays in Poland and in Greece',
        classes: { el: 'Εʹ και ΣΤʹ', en: '5th grade and 6th grade' },
        partners: ['PL'],
      },
    ],
  },
];

/** Country names as a reader of each language expects them. */
const COUNTRIES: Record<string, { el: string; en: string }> = {
  BE: { el: 'Βέλγιο', en: 'Belgium' },
  ES: { el: 'Ισπανία', en: 'Spain' },
  FR: { el: 'Γαλλία', en: 'France' },
  GB: { el: 'Ηνωμένο Βασίλειο', en: 'United Kingdom' },
  GE: { el: 'Γεωργία', en: 'Georgia' },
  GR: { el: 'Ελλάδα', en: 'Greece' },
  IT: { el: 'Ιταλία', en: 'Italy' },
  LT: { el: 'Λιθουανία', en: 'Lithuania' },
  LV: { el: 'Λετονία', en: 'Latvia' },
  MD: { el: 'Μολδαβία', en: 'Moldova' },
  PL: { el: 'Πολωνία', en: 'Poland' },
  PT: { el: 'Πορτογαλία', en: 'Portugal' },
  RO: { el: 'Ρουμανία', en: 'Romania' },
  SK: { el: 'Σλοβακία', en: 'Slovakia' },
  TR: { el: 'Τουρκία', en: 'Türkiye' },
  UA: { el: 'Ουκρανία', en: 'Ukraine' },
};

const LANGS = [
  { lang: 'el', prefix: '' },
  { lang: 'en', prefix: '/en' },
] as const;

const allProjects = SEED.flatMap(({ year, projects }) => projects.map((project) => ({ year, ...project })));

let site: BuiltSite;
before(() => {
  site = new BuiltSite();
});
after(() => site.remove());

/** The label/value pairs of a page's facts list. */
function facts(url: string): Record<string, string> {
  const html = site.html(url);
  return Object.fromEntries(html.querySelectorAll('main article .facts > div').map((row) => [text(row.querySelector('dt')), text(row.querySelector('dd'))]));
}

for (const { lang, prefix } of LANGS) {
  describe(`the bundled archive in ${lang}`, () => {
    test('every project page shows its title, year, classes and partner countries in order', () => {
      for (const project of allProjects) {
        const url = `${prefix}/${project.year}/${project.slug}/`;
        const html = site.html(url);
        assert.equal(html.querySelector('html')?.getAttribute('lang'), lang, url);
        const h1 = html.querySelector('h1')!;
        assert.equal(text(h1), project.title, url);
        // English titles on Greek pages are marked so screen readers switch voice.
        assert.equal(h1.getAttribute('lang'), lang === 'el' ? 'en' : undefined, url);
        const shown = Object.values(facts(url));
        assert.equal(shown[0], project.year.replace('-', '–'), url);
        assert.equal(shown[1], project.classes[lang], url);
        const partners = html.querySelectorAll('main article .facts a[href*="/countries/"]').map((a) => text(a));
        assert.deepEqual(
          partners,
          project.partners.map((code) => COUNTRIES[code]![lang]),
          url,
        );
      }
    });

    test("the archive page lists every year, newest first, with its projects in the old page's order", () => {
      const html = site.html(`${prefix}/archive/`);
      const years = html.querySelectorAll('main section');
      assert.deepEqual(
        years.map((section) => text(section.querySelector('h2'))),
        SEED.map(({ year }) => (lang === 'el' ? `Σχολικό έτος ${year.replace('-', '–')}` : `School year ${year.replace('-', '–')}`)),
      );
      years.forEach((section, index) => {
        assert.deepEqual(
          section.querySelectorAll('.project-card-title').map((title) => text(title)),
          SEED[index]!.projects.map((project) => project.title),
        );
      });
    });

    test('each school year has its own page with its projects', () => {
      for (const { year, projects } of SEED) {
        const html = site.html(`${prefix}/${year}/`);
        assert.match(text(html.querySelector('h1')), new RegExp(year.replace('-', '–')));
        assert.deepEqual(
          html.querySelectorAll('.project-card-title').map((title) => text(title)),
          projects.map((project) => project.title),
        );
      }
    });

    test("each grade has a page listing its classes' projects over all years", () => {
      const expected: Record<number, { el: string; en: string }> = {
        1: { el: 'Αʹ τάξη', en: '1st grade' },
        2: { el: 'Βʹ τάξη', en: '2nd grade' },
        3: { el: 'Γʹ τάξη', en: '3rd grade' },
        4: { el: 'Δʹ τάξη', en: '4th grade' },
        5: { el: 'Εʹ τάξη', en: '5th grade' },
        6: { el: 'ΣΤʹ τάξη', en: '6th grade' },
      };
      const index = site.html(`${prefix}/grades/`);
      assert.deepEqual(
        index.querySelectorAll('main li > a').map((a) => text(a)),
        Object.values(expected).map((label) => label[lang]),
      );
      for (const [grade, label] of Object.entries(expected)) {
        const html = site.html(`${prefix}/grades/${grade}/`);
        assert.equal(text(html.querySelector('h1')), label[lang]);
        const letter = ['Α', 'Β', 'Γ', 'Δ', 'Ε', 'ΣΤ'][Number(grade) - 1]!;
        const inGrade = allProjects.filter((project) => project.classes.el.split(/, | και /).some((c) => c.replace(/ʹ|\d$/g, '') === letter));
        assert.deepEqual(
          html.querySelectorAll('.project-card-title').map((title) => text(title)),
          inGrade.map((project) => project.title),
          `grade ${grade}`,
        );
      }
    });

    test('each partner country has a page, and the index counts their projects in alphabetical order', () => {
      const index = site.html(`${prefix}/countries/`);
      const rows = index.querySelectorAll('main tbody tr').map((row) => [text(row.querySelector('th')), text(row.querySelector('td'))]);
      const expected = Object.entries(COUNTRIES)
        .map(([code, names]) => [names[lang], String(allProjects.filter((project) => project.partners.includes(code)).length)])
        .sort((a, b) => a[0]!.localeCompare(b[0]!, lang));
      assert.deepEqual(rows, expected);
      // The map links every partner country to its page, as the table does.
      const mapLinks = index
        .querySelectorAll('.partner-map svg a')
        .map((a) => a.getAttribute('href'))
        .sort();
      assert.deepEqual(
        mapLinks,
        Object.keys(COUNTRIES)
          .map((code) => `${prefix}/countries/${code.toLowerCase()}/`)
          .sort(),
      );
      for (const [code, names] of Object.entries(COUNTRIES)) {
        const html = site.html(`${prefix}/countries/${code.toLowerCase()}/`);
        assert.equal(text(html.querySelector('h1')), names[lang]);
        assert.deepEqual(
          html.querySelectorAll('.project-card-title').map((title) => text(title)),
          allProjects.filter((project) => project.partners.includes(code)).map((project) => project.title),
        );
      }
    });

    test('the home page introduces the school, counts the archive and shows the latest year', () => {
      const html = site.html(`${prefix}/`);
      const school = lang === 'el' ? '14ο Δημοτικό Σχολείο Αχαρνών' : '14th Primary School of Acharnes';
      assert.equal(text(html.querySelector('h1')), school);
      assert.match(text(html.querySelector('.intro')), lang === 'el' ? /Πολυμερή Σχολική Σύμπραξη eTwinning/ : /eTwinning/);
      assert.deepEqual(
        html.querySelectorAll('.counts li').map((item) => text(item)),
        lang === 'el'
          ? ['10 προγράμματα eTwinning', '16 χώρες-εταίροι', '4 σχολικές χρονιές']
          : ['10 eTwinning projects', '16 partner countries', '4 school years'],
      );
      assert.deepEqual(
        html.querySelectorAll('.project-card-title').map((title) => text(title)),
        SEED[0]!.projects.map((project) => project.title),
      );
      // Statistics: projects per school year, oldest first, as text a screen reader reads.
      const perYear = html
        .querySelectorAll('.bar-chart')[0]!
        .querySelectorAll('li')
        .map((row) => text(row));
      assert.deepEqual(perYear, ['2012–2013 2', '2013–2014 1', '2014–2015 4', '2015–2016 3']);
    });

    test('the accessibility statement follows the EU model statement', () => {
      const html = site.html(`${prefix}/accessibility/`);
      assert.equal(html.querySelector('html')?.getAttribute('lang'), lang);
      assert.deepEqual(
        html.querySelectorAll('main h1, main h2').map((heading) => text(heading)),
        lang === 'el'
          ? ['Δήλωση προσβασιμότητας', 'Κατάσταση συμμόρφωσης', 'Κατάρτιση της δήλωσης', 'Σχόλια και στοιχεία επικοινωνίας', 'Διαδικασία εφαρμογής']
          : ['Accessibility statement', 'Compliance status', 'Preparation of this statement', 'Feedback and contact information', 'Enforcement procedure'],
      );
      assert.match(text(html.querySelector('main')), lang === 'el' ? /καταρτίστηκε στις 26 Νοεμβρίου 2026/ : /prepared on November 26, 2026/);
      // Linked from every page's footer.
      assert.equal(site.html(`${prefix}/archive/`).querySelector(`footer a[href="${prefix}/accessibility/"]`) !== null, true);
    });

    test('the navigation marks the current page, and the section of a page deeper in it', () => {
      const archive = site.html(`${prefix}/archive/`);
      assert.equal(archive.querySelector('.site-nav a[aria-current="page"]')?.getAttribute('href'), `${prefix}/archive/`);
      const project = site.html(`${prefix}/2015-2016/the-scratch-project/`);
      assert.equal(project.querySelector('.site-nav a[aria-current="true"]')?.getAttribute('href'), `${prefix}/archive/`);
      assert.equal(project.querySelector('.site-nav a[aria-current="page"]'), null);
    });

    test('the 404 page exists', () => {
      const html = site.html(`${prefix}/404.html`);
      assert.equal(html.querySelector('html')?.getAttribute('lang'), lang);
      assert.equal(text(html.querySelector('h1')), lang === 'el' ? 'Η σελίδα δεν βρέθηκε' : 'Page not found');
      // The root 404 page is served for every missing address: it also speaks English.
      const others = html.querySelectorAll('main [lang]:not(a)').map((part) => [part.getAttribute('lang'), text(part.querySelector('h2'))]);
      assert.deepEqual(others, lang === 'el' ? [['en', 'Page not found']] : []);
    });
  });
}

test('"Cool or not too cool?" links its two years both ways', () => {
  const later = site.html('/en/2015-2016/cool-or-not-too-cool/');
  const back = later.querySelector('.continuity a')!;
  assert.equal(back.getAttribute('href'), '/en/2014-2015/cool-or-not-too-cool/');
  assert.match(text(later.querySelector('.continuity')), /^Continues the same project from the school year 2014–2015:/);
  const earlier = site.html('/2014-2015/cool-or-not-too-cool/');
  assert.equal(earlier.querySelector('.continuity a')!.getAttribute('href'), '/2015-2016/cool-or-not-too-cool/');
  assert.match(text(earlier.querySelector('.continuity')), /^Το πρόγραμμα συνεχίστηκε το σχολικό έτος 2015–2016:/);
});

test('every page has hreflang alternates for each language and x-default, and a switcher to the same page', () => {
  const pages = site.htmlPages();
  assert.ok(pages.length > 80);
  for (const url of pages) {
    const html = site.html(url);
    const lang = html.querySelector('html')!.getAttribute('lang');
    const alternates = Object.fromEntries(
      html.querySelectorAll('link[rel=alternate][hreflang]').map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]),
    );
    assert.deepEqual(Object.keys(alternates).sort(), ['el', 'en', 'x-default'], url);
    assert.equal(alternates[lang!], url, url);
    const other = lang === 'el' ? 'en' : 'el';
    const switcher = html.querySelector(`.language-switcher a[hreflang=${other}]`)!;
    assert.equal(switcher.getAttribute('href'), alternates[other], url);
    assert.ok(site.fileFor(alternates[other]!), `${url}: switcher leads to a missing page`);
  }
});

test("every page allows only the site's own resources", () => {
  for (const url of site.htmlPages()) {
    const policy = site.html(url).querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    // Only the search page runs a script (Pagefind's, which needs WebAssembly).
    const scripts = url.endsWith('/search/') ? " script-src 'self' 'wasm-unsafe-eval';" : '';
    assert.equal(policy, `default-src 'self';${scripts} img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'`, url);
    assert.equal(site.html(url).querySelectorAll('script').length, url.endsWith('/search/') ? 2 : 0, url);
  }
});

test('every page, with its stylesheets, is under 30 KB', () => {
  for (const url of site.htmlPages()) {
    const files = [
      site.fileFor(url)!,
      ...site
        .html(url)
        .querySelectorAll('link[rel=stylesheet]')
        .map((link) => site.fileFor(link.getAttribute('href')!)!),
    ];
    const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
    assert.ok(bytes < 30 * 1024, `${url}: ${bytes} bytes with its CSS`);
  }
});

test('every internal link and stylesheet resolves to a built file', () => {
  for (const url of site.htmlPages()) {
    for (const element of site.html(url).querySelectorAll('[href], [src]')) {
      const target = element.getAttribute('href') ?? element.getAttribute('src')!;
      if (!target.startsWith('/')) continue;
      assert.ok(site.fileFor(target), `${url} links to ${target}, which does not exist`);
    }
  }
});

test('--path-prefix is honoured by every link', () => {
  const prefixed = new BuiltSite(['--path-prefix', '/etwinning/']);
  try {
    for (const url of prefixed.htmlPages()) {
      for (const element of prefixed.html(url).querySelectorAll('[href], [src]')) {
        const target = element.getAttribute('href') ?? element.getAttribute('src')!;
        if (target.startsWith('#') || /^[a-z]+:/.test(target)) continue;
        assert.ok(target.startsWith('/etwinning/'), `${url}: ${target} lacks the prefix`);
        assert.ok(prefixed.fileFor(target.slice('/etwinning'.length)), `${url}: ${target} does not exist`);
      }
    }
  } finally {
    prefixed.remove();
  }
});
