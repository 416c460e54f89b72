import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { decodePage } from '../../../../src/authoring/import/decode.ts';
import { DEEPEST_NESTING, mainTextOfHtml, mainTextOfPlainText, PageTooDeep } from '../../../../src/authoring/import/main-text.ts';

const fixture = (name: string) => decodePage(readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url))).text;
/** The 1-based line of the first line of `text` that contains `what`. */
const lineOf = (text: string, what: string) => text.split('\n').findIndex((line) => line.includes(what)) + 1;

test('plain text: one block a line, with its line; bullets, empty lines and the template credits left out', () => {
  const text = fixture('seed/old-page.txt');
  const main = mainTextOfPlainText(text);
  assert.equal(main.blocks.length, 2 + 4 + 10);
  assert.deepEqual(main.blocks[0], {
    text: main.blocks[0]!.text,
    parts: [{ text: main.blocks[0]!.text }],
    line: 1,
    heading: false,
  });
  const scratch = main.blocks.find((block) => block.text.includes('The Scratch Project'))!;
  assert.match(scratch.text, /^Η Ε' τάξη συμμετέχει/);
  assert.equal(scratch.line, lineOf(text, 'The Scratch Project'));
  assert.equal(main.blocks.find((block) => block.text === 'Σχολικό έτος 2013-2014')!.line, lineOf(text, 'Σχολικό έτος 2013-2014'));
  assert.deepEqual(
    main.credits.map((block) => [block.text, block.line]),
    [['Joomla templates by a4joomla', lineOf(text, 'a4joomla')]],
  );
  assert.ok(main.blocks.every((block) => !/a4joomla|^\u00A0$/.test(block.text)));
});

test("HTML: the article's paragraphs and list items, each at the line where it starts; menus, header and footer left out", () => {
  const html = fixture('import/old-page.windows-1253.html');
  const main = mainTextOfHtml(html);
  assert.equal(main.title, 'eTwinning - 14ο Δημοτικό Σχολείο Αχαρνών');
  const texts = main.blocks.map((block) => block.text);
  // The article's own title first, then the introduction, the years and their entries; nothing else.
  assert.deepEqual(texts.slice(0, 2), ['eTwinning', texts[1]!]);
  assert.equal(main.blocks[0]!.heading, true);
  assert.match(texts[1]!, /^Το 14ο Δημοτικό Σχολείο Αχαρνών, συνεχίζοντας/);
  assert.equal(main.blocks.length, 1 + 2 + 4 + 10);
  for (const left of ['Αρχική', 'Αναζήτηση', 'Σχολική χρονιά 2015-16', 'Εμφανίσεις', 'Εκτύπωση', 'επισκέπτες', 'a4joomla', '2016 14ο', '2099']) {
    assert.ok(!texts.some((text) => text.includes(left)), left);
  }
  assert.deepEqual(main.credits, []);
  // Lines of the source HTML: where the <p> or <li> starts, also for an item over two lines.
  const at = (start: string) => main.blocks.find((block) => block.text.startsWith(start))!.line;
  assert.equal(at('Το 14ο'), lineOf(html, '<p>Το 14ο'));
  assert.equal(at('Η Ε’ τάξη'), lineOf(html, '<li>Η Ε’ τάξη'));
  assert.equal(at('Το τμήμα ΣΤ2'), lineOf(html, '<li>Το τμήμα ΣΤ2'));
  assert.equal(at('Σχολική χρονιά 2013-14'), lineOf(html, 'Σχολική χρονιά 2013-14</strong>'));
  assert.equal(at('Σχολικό έτος 2012/13'), lineOf(html, '<h2>Σχολικό έτος 2012/13'));
  // Entities and inline elements are text; an item over two lines is one sentence.
  assert.ok(
    texts.includes(
      'Το τμήμα ΣΤ1 συμμετέχει στο πρόγραμμα Olympic Games unite the world και συνεργάζεται με σχολεία από την Ελλάδα, την Τουρκία, την Πολωνία, τη Ρουμανία και το Ηνωμένο\u00A0Βασίλειο.'.replace(
        '\u00A0',
        ' ',
      ),
    ),
  );
  assert.ok(texts.some((text) => /primary Schools και συνεργάζεται/.test(text)));
  // A link is kept with its address.
  const intro = main.blocks.find((block) => block.text.startsWith('Tο eTwinning'))!;
  assert.deepEqual(intro.parts.slice(0, 3), [
    { text: 'Tο eTwinning (' },
    { text: 'www.etwinning.net', href: 'http://www.etwinning.net/' },
    { text: intro.parts[2]!.text },
  ]);
});

test('HTML without a known article container: the element that holds the school years; lines split by <br>, bullets typed as text dropped', () => {
  const html = [
    '<html><body>',
    '<div class="mainmenu"><ul><li><a href="/">Αρχική</a></li></ul></div>',
    '<table><tr><td class="sidebar">Σύνδεση</td><td>',
    '<p>Τα προγράμματα του σχολείου μας.</p>',
    '<p><b>Σχολικό έτος 2015-2016</b><br>',
    "• Η Ε' τάξη συμμετέχει στο πρόγραμμα Water με σχολεία από την Ιταλία.<br>",
    '• Το τμήμα Δ1 συμμετέχει στο πρόγραμμα Fire με σχολεία από την Κύπρο.</p>',
    '</td></tr></table>',
    '<div id="footer">Powered by WordPress</div>',
    '</body></html>',
  ].join('\n');
  const main = mainTextOfHtml(html);
  assert.deepEqual(
    main.blocks.map((block) => [block.text, block.line]),
    [
      ['Τα προγράμματα του σχολείου μας.', 4],
      ['Σχολικό έτος 2015-2016', 5],
      ["Η Ε' τάξη συμμετέχει στο πρόγραμμα Water με σχολεία από την Ιταλία.", 6],
      ['Το τμήμα Δ1 συμμετέχει στο πρόγραμμα Fire με σχολεία από την Κύπρο.', 7],
    ],
  );
});

/** A page with the school year in `divs` nested `<div>`s, after two lines; `<html>`, `<body>` and the `<p>` are three levels more. */
const nested = (divs: number) =>
  `<html><body>\n<p>Το σχολείο μας.</p>\n${'<div>'.repeat(divs)}<p>Σχολικό έτος 2015-2016</p>${'</div>'.repeat(divs)}</body></html>`;

test('a page nested as deep as a browser reads is read; one deeper is refused at its line, without overflowing the stack', () => {
  const deepest = mainTextOfHtml(nested(DEEPEST_NESTING - 3));
  assert.deepEqual(
    deepest.blocks.map((block) => [block.text, block.line]),
    [
      ['Το σχολείο μας.', 2],
      ['Σχολικό έτος 2015-2016', 3],
    ],
  );
  for (const divs of [DEEPEST_NESTING - 2, 200_000]) {
    assert.throws(
      () => mainTextOfHtml(nested(divs)),
      (error) => error instanceof PageTooDeep && error.line === 3,
      `${divs} nested elements`,
    );
  }
});
