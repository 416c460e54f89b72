import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

/**
 * The importer reads pages into content files: it may use what reads and
 * writes content (src/content), the pure filters and the languages, never
 * the site's pages (src/site) or the command line (src/cli).
 */
test('src/import imports only from src/content, src/filters, src/i18n, itself and packages', () => {
  const folder = new URL('../../src/import/', import.meta.url);
  for (const file of readdirSync(folder)) {
    const source = readFileSync(new URL(file, folder), 'utf8');
    for (const [, from] of source.matchAll(/^import [^;]*? from '([^']+)';/gms)) {
      if (!from!.startsWith('.')) continue;
      assert.match(from!, /^(?:\.\/[\w-]+\.ts|\.\.\/(?:content|filters|i18n)\/[\w/-]+\.ts)$/, `src/import/${file} imports ${from}`);
    }
  }
});
