import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { test } from 'node:test';
import { makeContentFixture, SCRATCH, SCRATCH_EL, SCRATCH_EN } from '../../helpers/content-fixture.ts';
import { loadArchive } from '../../../src/content/load.ts';
import { openArchiveJson } from '../../../src/site/open-data.ts';
import { siteDataSource, type SiteData } from '../../../src/build/site-data.ts';

test('npm start keeps showing the last good archive while a saved file has a mistake, and says what it is', async (t) => {
  const fixture = makeContentFixture();
  t.after(() => fixture.remove());
  const errors: string[] = [];
  t.mock.method(console, 'error', (text: string) => errors.push(text));
  const data = siteDataSource(fixture.contentArg);

  const good = await data();
  assert.equal(good.archive.projects.length, 10);

  fixture.replace(SCRATCH_EL, '"Λετονία"', '"Latvija"');
  assert.equal((await data()).archive, good.archive);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /index\.el\.md:7: partners: "Latvija" is not a country this archive knows\./);
  assert.match(errors[0]!, /1 error in 1 file\. The site shows the last version without errors\./);

  fixture.replace(SCRATCH_EL, '"Latvija"', '"Λετονία"');
  const fixed = await data();
  assert.notEqual(fixed.archive, good.archive);
  assert.equal(fixed.pages.length, good.pages.length);
});

/** The URLs a rebuild draws, sorted. */
const drawn = (data: SiteData) => data.pagesToDraw.map((page) => page.url).sort();

test('npm start draws again only the pages an edit of a project changed', async (t) => {
  const fixture = makeContentFixture();
  t.after(() => fixture.remove());
  const data = siteDataSource(fixture.contentArg);
  const first = await data();
  assert.equal(first.pagesToDraw.length, first.pages.length);

  // The text only: the project's own pages, in both languages (the English one shows the Greek facts too).
  fixture.replace(SCRATCH_EL, 'στο πρόγραμμα The Scratch Project με', 'στο πρόγραμμα The Scratch Project μαζί με');
  const afterText = await data({ contentOnly: [fixture.abs(SCRATCH_EL)] });
  assert.deepEqual(drawn(afterText), [`/${SCRATCH}/`, `/en/${SCRATCH}/`]);
  const page = afterText.pages.find((page) => page.url === `/${SCRATCH}/`);
  assert.match(page?.kind === 'project' ? page.version.html : '', /The Scratch Project μαζί με/);

  // Nothing changed: nothing to draw.
  assert.deepEqual(drawn(await data({ contentOnly: [fixture.abs(SCRATCH_EL)] })), []);

  // A partner country added: every list the project is on, the country pages, the countries index and the home page's counts.
  fixture.replace(SCRATCH_EL, '  - "Ελλάδα"\n', '  - "Ελλάδα"\n  - "Μάλτα"\n');
  const afterPartner = drawn(await data({ contentOnly: [fixture.abs(SCRATCH_EL)] }));
  for (const url of [`/${SCRATCH}/`, '/2015-2016/', '/archive/', '/', '/countries/', '/countries/mt/', '/countries/lv/', '/grades/5/']) {
    assert.ok(afterPartner.includes(url), `${url} is drawn again`);
    assert.ok(afterPartner.includes(`/en${url}`), `/en${url} is drawn again`);
  }
  // Pages that do not show the project are left alone.
  for (const url of ['/2012-2013/', '/grades/1/', '/countries/md/', '/2014-2015/cool-or-not-too-cool/', '/search/']) {
    assert.ok(!afterPartner.includes(url), `${url} is not drawn again`);
  }

  // A class of another grade added: that grade's page appears, and the grades index counts it.
  fixture.replace(SCRATCH_EL, '  - "Ε\'"\n', '  - "Ε\'"\n  - "Β\'"\n');
  const afterClass = drawn(await data({ contentOnly: [fixture.abs(SCRATCH_EL)] }));
  for (const url of ['/grades/', '/grades/2/', '/grades/5/', `/${SCRATCH}/`]) assert.ok(afterClass.includes(url), `${url} is drawn again`);
  assert.ok(!afterClass.includes('/grades/6/'), '/grades/6/ is not drawn again');

  // A template, style or code change (no list of content files): everything.
  const everything = await data();
  assert.equal(everything.pagesToDraw.length, everything.pages.length);
});

test('an archive reloaded from what changed is the same as one loaded afresh, also after a new project is added', async (t) => {
  const fixture = makeContentFixture();
  t.after(() => fixture.remove());
  const data = siteDataSource(fixture.contentArg);
  await data();
  fixture.replace(SCRATCH_EN, 'title: "The Scratch Project"', 'title: "The Scratch Project, again"');
  const reloaded = await data({ contentOnly: [fixture.abs(SCRATCH_EN)] });
  const fresh = await loadArchive(fixture.contentDir);
  assert.equal(openArchiveJson(reloaded.archive), openArchiveJson(fresh.archive!));
  assert.match(openArchiveJson(reloaded.archive), /The Scratch Project, again/);

  // A file the last load did not know: the folders are listed again.
  mkdirSync(fixture.abs('2015-2016/a-new-project'));
  fixture.write('2015-2016/a-new-project/index.el.md', '---\ntitle: Νέο πρόγραμμα\nclasses: ["Α\'"]\npartners: [Κύπρος]\n---\n\nΚείμενο.\n');
  const withNew = await data({ contentOnly: [fixture.abs('2015-2016/a-new-project/index.el.md')] });
  assert.equal(withNew.archive.projects.length, 11);
  assert.ok(drawn(withNew).includes('/2015-2016/a-new-project/'));
  assert.equal(openArchiveJson(withNew.archive), openArchiveJson((await loadArchive(fixture.contentDir)).archive!));
});
