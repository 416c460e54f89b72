/**
 * The floor: the same Markdown texts as the synthetic archive, as plain files
 * with only a `title` in their front matter, built by a bare Eleventy with a
 * trivial Nunjucks layout and no configuration file. This is the setup of
 * Eleventy's own published benchmark (zachleat/bench-framework-markdown:
 * `posts/*.md`, a layout, `npx @11ty/eleventy --quiet`): the least work
 * Eleventy does for that many files, with none of the archive's pages, lists
 * or languages. bench.ts runs Eleventy's command line in the folder written here.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const LAYOUT = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{{ title }}</title>
</head>
<body>
  <h1>{{ title }}</h1>
  {{ content | safe }}
</body>
</html>
`;

/** Splits a content file into its title and its Markdown body. */
function titleAndBody(text: string): { title: string; body: string } {
  const end = text.indexOf('\n---', 4);
  const frontMatter = text.slice(4, end);
  const line = /^title: (.*)$/m.exec(frontMatter)?.[1] ?? '"Untitled"';
  const title = line.startsWith('"') ? (JSON.parse(line) as string) : line;
  return { title, body: text.slice(text.indexOf('\n', end + 1) + 1) };
}

/**
 * Writes `<root>/posts/<year>-<slug>-<lang>.md` for every project file of
 * `contentDir`, plus the layout; returns the number of Markdown files.
 */
export async function prepareBareSite(contentDir: string, root: string): Promise<number> {
  const posts = path.join(root, 'posts');
  await mkdir(posts, { recursive: true });
  await mkdir(path.join(root, '_includes'), { recursive: true });
  await writeFile(path.join(root, '_includes', 'layout.njk'), LAYOUT);
  await writeFile(path.join(posts, 'posts.json'), JSON.stringify({ layout: 'layout.njk' }));
  let count = 0;
  for (const year of (await readdir(contentDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()) {
    for (const slug of (await readdir(path.join(contentDir, year))).sort()) {
      for (const file of (await readdir(path.join(contentDir, year, slug))).sort()) {
        const lang = /^index\.([a-z]+)\.md$/.exec(file)?.[1];
        if (!lang) continue;
        const { title, body } = titleAndBody(await readFile(path.join(contentDir, year, slug, file), 'utf8'));
        await writeFile(path.join(posts, `${year}-${slug}-${lang}.md`), `---\ntitle: ${JSON.stringify(title)}\n---\n${body}`);
        count++;
      }
    }
  }
  return count;
}
