/**
 * The fields as a teacher sees them in the web editor. That they are the
 * schemas' fields, no more and no fewer, is tests/unit/editor/editor-config.test.ts's.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { projectRef, schoolFrontMatter } from '../../../src/content/schema.ts';
import { BODY_FIELD, editorText, projectFields, schoolFields, type EditorField } from '../../../src/editor/editor-fields.ts';

const byName = (fields: EditorField[]) => new Map(fields.map((field) => [field.name, field]));
const project = byName(projectFields());
const school = byName(schoolFields());

describe("a project's fields", () => {
  test('are labelled in Greek, the language of the editor', () => {
    assert.deepEqual(
      [...project.values()].map((field) => field.label),
      [
        'Τίτλος',
        'Περίληψη',
        'Τάξεις',
        'Χώρες-εταίροι',
        'Συνέχεια του',
        'Ετικέτες Ποιότητας eTwinning',
        'Σελίδα στην Ευρωπαϊκή Πλατφόρμα Σχολικής Εκπαίδευσης',
        'Τι έφτιαξαν οι μαθητές',
        'Περιγραφή',
      ],
    );
  });

  test("give examples from the archive's own grades and country names", () => {
    assert.match(project.get('classes')!.hint!, /ολόκληρες τάξεις \(Α', Β', Γ', Δ', Ε', ΣΤ'\) ή τμήματα \(Ε1, ΣΤ2\)/);
    assert.match(project.get('partners')!.hint!, /στα ελληνικά \(Ελλάδα, Λετονία, Ιταλία\), στα αγγλικά \(Poland, Spain\)/);
  });

  test('end with the Markdown text, written in either view, its preview cleaned of scripts', () => {
    const body = [...project.values()].at(-1)!;
    assert.equal(body.name, BODY_FIELD);
    assert.deepEqual(
      { widget: body.widget, modes: body.modes, sanitize_preview: body.sanitize_preview, i18n: body.i18n, required: body.required },
      { widget: 'markdown', modes: ['rich_text', 'raw'], sanitize_preview: true, i18n: true, required: false },
    );
  });

  test("continues: the editor's pattern lets through what the check accepts, and says how to write it", () => {
    const [pattern, message] = project.get('continues')!.pattern!;
    const editor = new RegExp(pattern);
    for (const value of ['2014-2015/cool-or-not-too-cool', '2014-2015/Cool or not', '2014/cool', 'cool-or-not-too-cool', '2014-2015/cool/']) {
      assert.equal(editor.test(value), projectRef.safeParse(value).success, value);
    }
    assert.equal(message, 'Γράψτε σχολικό έτος και φάκελο, π.χ. 2014-2015/cool-or-not-too-cool');
  });
});

describe("the school's fields", () => {
  test("are the school's name, its e-mail address and the home page's introduction", () => {
    assert.deepEqual(
      [...school.values()].map((field) => [field.name, field.label]),
      [
        ['name', 'Όνομα σχολείου'],
        ['email', 'Email'],
        [BODY_FIELD, 'Εισαγωγή αρχικής σελίδας'],
      ],
    );
  });

  test("the e-mail address: the editor's pattern lets through what the check accepts", () => {
    const editor = new RegExp(school.get('email')!.pattern![0]);
    for (const value of ['mail@school.gr', '14dim-acharn@sch.gr', 'school at example.org', 'school@', 'δάσκαλος@σχολείο.gr']) {
      assert.equal(editor.test(value), schoolFrontMatter.shape.email.safeParse(value).success, value);
    }
  });
});

test("the editor's texts in another language, with values", () => {
  assert.equal(editorText('fields.title.label', {}, 'en'), 'Title');
  assert.match(editorText('fields.classes.hint', { grades: "Α', Β'", sections: 'Ε1' }, 'en'), /whole grades \(Α', Β'\) or sections \(Ε1\)/);
});
