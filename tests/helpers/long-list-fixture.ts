/**
 * The bundled archive plus a school year of 45 projects, all of the 4th grade with
 * Greece and Malta as partners, every third with both Quality Labels and the others
 * with the national one: enough for every kind of list to need three pages, a
 * label's too, with the badges on the cards.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, tempDir } from './built-site.ts';

export const LONG_YEAR = '2016-2017';
export const LONG_COUNT = 45;
export const twoDigits = (n: number) => String(n).padStart(2, '0');

export function makeLongListContent(): { contentDir: string; remove(): void } {
  const contentDir = path.join(tempDir('content'), 'content');
  cpSync(path.join(repoRoot, 'content'), contentDir, { recursive: true });
  for (let n = 1; n <= LONG_COUNT; n++) {
    const folder = path.join(contentDir, LONG_YEAR, `project-${twoDigits(n)}`);
    mkdirSync(folder, { recursive: true });
    const labels = n % 3 === 0 ? '[national, european]' : '[national]';
    const facts = `classes: ["Δ'"]\npartners: [Ελλάδα, Μάλτα]\nlabels: ${labels}\n`;
    writeFileSync(path.join(folder, 'index.el.md'), `---\ntitle: Πρόγραμμα ${twoDigits(n)}\n${facts}---\n\nΚείμενο.\n`);
    writeFileSync(path.join(folder, 'index.en.md'), `---\ntitle: Project ${twoDigits(n)}\n---\n\nText.\n`);
  }
  return { contentDir, remove: () => rmSync(path.dirname(contentDir), { recursive: true, force: true }) };
}
