/**
 * Every built HTML page is valid and follows html-validate's recommended rules
 * (html-validate's Node API, no browser needed). One test per page, so a
 * failure names the page; each problem is given as file:line:column, rule,
 * message, the element and the line of HTML. The site is the bundled archive
 * with labels, a platform page and outcomes (tests/helpers/fields-fixture.ts),
 * so that every kind of page is among them.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { BuiltSite } from '../helpers/built-site.ts';
import { makeFieldsFixture } from '../helpers/fields-fixture.ts';
import { HTML_VALIDATE_CONFIG } from '../helpers/html-validate.ts';

const fixture = makeFieldsFixture();
const site = new BuiltSite(['--content', fixture.contentDir]);
after(() => {
  site.remove();
  fixture.remove();
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

const files = htmlFiles(site.outputDir);
const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);

test('the build has HTML pages to validate', () => {
  assert.ok(files.length > 20, `only ${files.length} HTML files in ${site.outputDir}`);
});

for (const file of files) {
  const shown = path.relative(site.outputDir, file);
  test(`${shown} is valid HTML (html-validate:recommended)`, async (t) => {
    const source = readFileSync(file, 'utf8');
    const lines = source.split('\n');
    const report = await validator.validateString(source, shown);
    const messages = report.results.flatMap((result) => result.messages);
    const describe = (message: (typeof messages)[number]) =>
      `${shown}:${message.line}:${message.column} ${message.ruleId}: ${message.message}` +
      (message.selector ? `\n    element: ${message.selector}` : '') +
      `\n    ${(lines[message.line - 1] ?? '').trim().slice(0, 200)}`;
    const warnings = messages.filter((message) => message.severity < 2);
    for (const warning of warnings) t.diagnostic(`warning: ${describe(warning)}`);
    const errors = messages.filter((message) => message.severity >= 2);
    assert.equal(errors.length, 0, `${errors.length} html-validate error(s):\n${errors.map(describe).join('\n')}`);
  });
}
