import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Lang } from '../../../src/i18n/languages.ts';
import { agreeOnNeutralFields, type ValidVersion } from '../../../src/content/language-agreement.ts';
import type { ProjectFolder } from '../../../src/content/layout.ts';
import { sayProblem } from '../../../src/content/problems.ts';
import { projectFrontMatter } from '../../../src/content/schema.ts';
import { readSourceFile } from '../../../src/content/source-file.ts';

const FOLDER = '2015-2016/the-scratch-project';

/** A language file of the project, its front matter valid on its own. */
function version(lang: Lang, frontMatter: string): ValidVersion {
  const file = `${FOLDER}/index.${lang}.md`;
  const read = readSourceFile(file, Buffer.from(`---\n${frontMatter}\n---\nText.\n`));
  assert.ok('source' in read, `${file} reads`);
  const parsed = projectFrontMatter.safeParse(read.source.data);
  assert.ok(parsed.success, `${file} is valid on its own`);
  const fields = parsed.data;
  return { source: read.source, fields, version: { lang, title: fields.title, outcomes: [], html: '', file } };
}

function folder(hasMisnamedFile = false): ProjectFolder {
  return { year: '2015-2016', slug: 'the-scratch-project', folder: FOLDER, files: [], hasMisnamedFile };
}

/** The problems as the teacher reads them, in English. */
function problemsOf(versions: ValidVersion[], misnamed = false): string[] {
  const agreed = agreeOnNeutralFields(folder(misnamed), versions);
  assert.ok('problems' in agreed, 'the files do not agree');
  return agreed.problems.map((problem) => {
    const said = sayProblem(problem, 'en');
    return `${said.file}:${said.line}: ${said.message} | ${said.fix}`;
  });
}

describe('the fields a project has once, written in either language file', () => {
  test('written in both files, they agree by meaning, not spelling; the first file gives the value', () => {
    const agreed = agreeOnNeutralFields(folder(), [
      version('el', 'title: Σκρατς\nclasses: ["Ε\'"]\npartners: [Ελλάδα, Λετονία]\nlabels: [european, national]'),
      version('en', 'title: Scratch\nclasses: ["Ε΄"]\npartners: [Latvia, Greece]\nlabels: [national, european]'),
    ]);
    assert.ok('fields' in agreed);
    assert.deepEqual(agreed.fields.classes, [{ grade: 5 }]);
    assert.deepEqual(agreed.fields.partners, ['GR', 'LV']);
    assert.deepEqual(agreed.fields.labels, ['national', 'european'], 'the National Quality Label first');
  });

  test('written in one file only, they are taken from it, with where `continues` is written', () => {
    const agreed = agreeOnNeutralFields(folder(), [
      version('el', 'title: Σκρατς'),
      version('en', 'title: Scratch\nclasses: [ΣΤ1]\npartners: [IT]\ncontinues: 2014-2015/scratch'),
    ]);
    assert.ok('fields' in agreed);
    assert.deepEqual(agreed.fields.classes, [{ grade: 6, section: 1 }]);
    assert.equal(agreed.fields.continues, '2014-2015/scratch');
    assert.deepEqual(agreed.fields.continuesAt, { file: `${FOLDER}/index.en.md`, line: 5 });
    assert.deepEqual(agreed.fields.labels, []);
    assert.equal(agreed.fields.link, undefined);
  });

  test('the same platform page, in another language of the platform, is the same link', () => {
    const agreed = agreeOnNeutralFields(folder(), [
      version('el', 'title: Σκρατς\nclasses: [Ε]\npartners: [LV]\nlink: https://school-education.ec.europa.eu/el/etwinning/projects/scratch'),
      version('en', 'title: Scratch\nlink: https://school-education.ec.europa.eu/en/etwinning/projects/scratch'),
    ]);
    assert.ok('fields' in agreed);
    assert.equal(agreed.fields.link, 'https://school-education.ec.europa.eu/el/etwinning/projects/scratch');
  });

  test('values that disagree are one problem each, at the second file, naming both files and lines', () => {
    assert.deepEqual(
      problemsOf([
        version('el', 'title: Σκρατς\nclasses: ["Ε\'"]\npartners: [LV]\nlabels: [national]'),
        version('en', 'title: Scratch\nclasses: [ΣΤ]\npartners: [LV]\nlabels: [european]'),
      ]),
      [
        `${FOLDER}/index.en.md:3: Here it is "ΣΤ'", but "Ε'" in ${FOLDER}/index.el.md:3. | Make ${FOLDER}/index.el.md:3 and ${FOLDER}/index.en.md:3 agree, or keep "classes" in only one of the two files.`,
        `${FOLDER}/index.en.md:5: Here it is "european", but "national" in ${FOLDER}/index.el.md:5. | Make ${FOLDER}/index.el.md:5 and ${FOLDER}/index.en.md:5 agree, or keep "labels" in only one of the two files.`,
      ],
    );
  });

  test('classes or partners written in no file are a problem at the first file, with an example', () => {
    const found = problemsOf([version('el', 'title: Σκρατς\npartners: [LV]'), version('en', 'title: Scratch')]);
    assert.equal(found.length, 1);
    assert.match(found[0]!, new RegExp(`^${FOLDER}/index\\.el\\.md:1: The project has no "classes" in any of its files`));
    assert.match(found[0]!, /classes: \[Ε', ΣΤ1\]/);
  });

  test('with a misnamed file in the folder, a missing field is left to that file’s own problem', () => {
    assert.deepEqual(problemsOf([version('el', 'title: Σκρατς')], true), []);
  });
});
