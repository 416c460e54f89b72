import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gradePath, listPagePath, localUrl, partnerPath, projectPath, SITE_PATHS, yearPath } from '../../../src/site/urls.ts';

test('the Greek pages are at the root, the English ones under /en/, at the same path', () => {
  assert.equal(localUrl('el', '/2015-2016/'), '/2015-2016/');
  assert.equal(localUrl('en', '/2015-2016/'), '/en/2015-2016/');
  for (const path of Object.values(SITE_PATHS)) assert.equal(localUrl('en', path), `/en${path}`);
});

test("a project's, a year's, a grade's and a country's address: the same Latin path in every language", () => {
  assert.equal(projectPath({ id: '2015-2016/the-scratch-project' }), '/2015-2016/the-scratch-project/');
  assert.equal(yearPath({ id: '2014-2015' }), '/2014-2015/');
  assert.equal(gradePath(6), '/grades/6/');
  assert.equal(partnerPath('LV'), '/countries/lv/');
  assert.equal(partnerPath('lv'), partnerPath('LV'));
});

test("a list's first page is its own address, the next ones one level deeper", () => {
  assert.equal(listPagePath('/2015-2016/', 1), '/2015-2016/');
  assert.equal(listPagePath('/2015-2016/', 2), '/2015-2016/page/2/');
  assert.equal(listPagePath('/countries/pl/', 12), '/countries/pl/page/12/');
  // Not even a project folder named "page" has a list page's address.
  assert.notEqual(listPagePath(yearPath({ id: '2015-2016' }), 2), projectPath({ id: '2015-2016/page' }));
});

test("every one of the site's own addresses is root-relative and used once", () => {
  const paths = Object.values(SITE_PATHS);
  for (const path of paths) assert.match(path, /^\/(?!\/)/, path);
  assert.equal(new Set(paths).size, paths.length);
});
