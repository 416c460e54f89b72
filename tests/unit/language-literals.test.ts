/**
 * Adding a language is one place: LANGUAGES in src/i18n/languages.ts and a
 * locale file beside it. So no language code of the archive is written
 * anywhere else in the code or the templates: each is derived from
 * src/i18n/ (DEFAULT_LANG, MESSAGE_LANG, GREEK, SCRIPTS, the locale files).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LANGUAGES } from '../../src/i18n/languages.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Literals that are not a language of the archive, each with why. A literal
 * listed here that is no longer found fails the test too, so the list stays
 * as short as it is.
 */
const ALLOWED: readonly { file: string; literal: string; why: string }[] = [
  {
    file: 'src/editor/editor-browser.ts',
    literal: "'en'",
    why: "Decap CMS's own code of its English phrases, the ones every Decap translation is made from (their placeholders are repaired from them): a code of Decap's, whatever languages the archive has.",
  },
];

function filesUnder(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/**
 * A language code written as a literal: quoted (`'el'`, `"el"`, `` `el` ``),
 * as a property or in a file name (`name.el`, `index.el.md`), as an object's
 * key (`{ el: … }`), or in an alternation (`el|en`, in a pattern or a usage line).
 */
function literalPattern(code: string): RegExp {
  return new RegExp(`(['"\`])${code}\\1|\\.${code}\\b|[{,]\\s*${code}\\s*:|\\b${code}\\||\\|${code}\\b`, 'g');
}

test('no language code of the archive is written outside src/i18n/, in the code or the templates', () => {
  const files = [...filesUnder('src'), ...filesUnder('templates')].filter((file) => !file.startsWith('src/i18n/'));
  assert.ok(files.length > 50, `the code and templates are read (${files.length} files)`);
  const found: string[] = [];
  const allowedSeen = new Set<string>();
  for (const file of files) {
    const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      for (const code of LANGUAGES) {
        for (const match of line.matchAll(literalPattern(code))) {
          const allowed = ALLOWED.find((entry) => entry.file === file && entry.literal === match[0]);
          if (allowed) allowedSeen.add(`${allowed.file} ${allowed.literal}`);
          else found.push(`${file}:${index + 1}: ${match[0]}  (${line.trim()})`);
        }
      }
    });
  }
  assert.deepEqual(found, [], 'derive these from src/i18n/ (languages.ts or the locale files)');
  assert.deepEqual(
    ALLOWED.map((entry) => `${entry.file} ${entry.literal}`).filter((entry) => !allowedSeen.has(entry)),
    [],
    'every allowed literal is still there',
  );
});

test('the scan finds each form of a literal', () => {
  const [code] = LANGUAGES;
  for (const written of [`lang="${code}"`, `'${code}'`, `name.${code}`, `index.${code}.md`, `{ ${code}: 1 }`, `--lang ${code}|x`, `/\\.(x|${code})$/`]) {
    assert.match(written, literalPattern(code), written);
  }
  for (const written of [`${code}ement`, `the${code}`, `'${code}x'`, `.${code}try`]) {
    assert.doesNotMatch(written, literalPattern(code), written);
  }
});
