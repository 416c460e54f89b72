/**
 * Every built HTML page is valid and follows html-validate's recommended rules
 * (html-validate's Node API, no browser needed). One test per page, so a
 * failure names the page; each problem is given as file:line:column, rule,
 * message, the element and the line of HTML.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { BuiltSite } from '../helpers/built-site.ts';

const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Stylistic only: `<!doctype html>` and `<!DOCTYPE html>` are the same to the HTML standard
    // (the doctype is case-insensitive) and to every browser; lowercase is what the templates write.
    'doctype-style': 'off',
    // A search engine's display hint, not a markup rule: project titles are the teachers' own and
    // the page title is "<project title> — <school name>"; cutting either would lose information.
    'long-title': 'off',
    // `role="list"` on a <ul> styled with `list-style: none` is on purpose: WebKit (Safari and
    // VoiceOver) drops the list semantics of such lists unless the role is given again. Every other
    // redundant role is still an error.
    'no-redundant-role': ['error', { exclude: ['list'] }],
  },
};

const site = new BuiltSite();
after(() => site.remove());

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
