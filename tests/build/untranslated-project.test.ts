import assert from 'node:assert/strict';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BuiltSite, repoRoot, tempDir, text } from '../helpers/built-site.ts';

/** A project whose English file is not written yet: the English page must still exist. */
let contentDir: string;
let site: BuiltSite;
before(() => {
  contentDir = path.join(tempDir('content'), 'content');
  cpSync(path.join(repoRoot, 'content'), contentDir, { recursive: true });
  rmSync(path.join(contentDir, '2013-2014/traditional-cultures/index.en.md'));
  site = new BuiltSite(['--content', contentDir]);
});
after(() => {
  site.remove();
  rmSync(path.dirname(contentDir), { recursive: true, force: true });
});

test('the English page of an untranslated project shows the Greek text, marked as Greek, and says so', () => {
  const html = site.html('/en/2013-2014/traditional-cultures/');
  assert.equal(html.querySelector('html')?.getAttribute('lang'), 'en');
  assert.equal(text(html.querySelector('.notice')), 'This project has not been translated into English yet. Below is the text in the language it has (Greek).');
  const body = html.querySelector('article .body')!;
  assert.equal(body.getAttribute('lang'), 'el');
  assert.match(text(body), /Η Στ' Δημοτικού συμμετέχει στο πρόγραμμα Traditional Cultures/);
});

test('the language switcher leads between the two pages of the untranslated project', () => {
  const english = site.html('/en/2013-2014/traditional-cultures/');
  assert.equal(english.querySelector('.language-switcher a[hreflang=el]')?.getAttribute('href'), '/2013-2014/traditional-cultures/');
  const greek = site.html('/2013-2014/traditional-cultures/');
  assert.equal(greek.querySelector('.language-switcher a[hreflang=en]')?.getAttribute('href'), '/en/2013-2014/traditional-cultures/');
  assert.equal(greek.querySelector('.notice'), null);
});
