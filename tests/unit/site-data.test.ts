import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeContentFixture, SCRATCH_EL } from '../helpers/content-fixture.ts';
import { siteDataSource } from '../../src/site/site-data.ts';

test('npm start keeps showing the last good archive while a saved file has a mistake, and says what it is', async (t) => {
  const fixture = makeContentFixture();
  t.after(() => fixture.remove());
  const errors: string[] = [];
  t.mock.method(console, 'error', (text: string) => errors.push(text));
  const data = siteDataSource(fixture.contentArg);

  const good = await data();
  assert.equal(good.archive.projects.length, 10);

  fixture.replace(SCRATCH_EL, '"Λετονία"', '"Latvija"');
  assert.equal(await data(), good);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /index\.el\.md:7: partners: "Latvija" is not a country this archive knows\./);
  assert.match(errors[0]!, /1 error in 1 file\. The site shows the last version without errors\./);

  fixture.replace(SCRATCH_EL, '"Latvija"', '"Λετονία"');
  const fixed = await data();
  assert.notEqual(fixed, good);
  assert.equal(fixed.pages.length, good.pages.length);
});
