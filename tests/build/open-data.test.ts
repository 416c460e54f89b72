import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { BuiltSite, text } from '../helpers/built-site.ts';

/** The open data as a visitor downloads it, from a build under a path prefix. */
let site: BuiltSite;
before(() => {
  site = new BuiltSite(['--path-prefix', '/etwinning/']);
});
after(() => site.remove());

const read = (file: string) => readFileSync(path.join(site.outputDir, file));

test('archive.json is valid against the published archive.schema.json', () => {
  const schema = JSON.parse(read('archive.schema.json').toString('utf8'));
  const data = JSON.parse(read('archive.json').toString('utf8'));
  const ajv = new Ajv2020.default({ strict: false });
  const validate = ajv.compile(schema);
  assert.equal(validate(data), true, JSON.stringify(validate.errors));
  assert.equal(data.projects.length, 10);
  assert.equal(data.$schema, '/etwinning/archive.schema.json');
});

test('archive.csv starts with a UTF-8 byte order mark and keeps Greek intact', () => {
  const bytes = read('archive.csv');
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
  assert.equal(lines.length, 11);
  assert.match(lines[0]!, /^school_year,project_id,title_el,title_en,/);
  assert.match(bytes.toString('utf8'), /Λετονία/);
});

test('the archive page links the open data in each language, with the path prefix', () => {
  for (const prefix of ['', '/en']) {
    const links = site.html(`${prefix}/archive/`).querySelectorAll('#open-data a');
    assert.deepEqual(
      links.map((link) => link.getAttribute('href')),
      ['/etwinning/archive.json', '/etwinning/archive.schema.json', '/etwinning/archive.csv'],
    );
    assert.ok(links.every((link) => text(link).length > 0));
  }
});
