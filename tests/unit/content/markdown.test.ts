import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { imageAltText, inlineTokens, parseMarkdown, renderMarkdown, type Token } from '../../../src/content/markdown.ts';

describe('a body is rendered', () => {
  test('from Markdown into HTML', () => {
    assert.equal(
      renderMarkdown('## Τι κάναμε\n\nΤα παιδιά έφτιαξαν **παιχνίδια** με το _Scratch_.\n\n- Ελλάδα\n- Λετονία\n'),
      '<h2>Τι κάναμε</h2>\n<p>Τα παιδιά έφτιαξαν <strong>παιχνίδια</strong> με το <em>Scratch</em>.</p>\n<ul>\n<li>Ελλάδα</li>\n<li>Λετονία</li>\n</ul>\n',
    );
  });

  test('with HTML written in it shown as text: a pasted embed loads nothing from another site', () => {
    const html = renderMarkdown('<iframe src="https://www.youtube.com/embed/abc"></iframe>\n\n<script>alert(1)</script>');
    assert.doesNotMatch(html, /<iframe|<script/);
    assert.match(html, /&lt;iframe /);
  });

  test('with web addresses written out as links', () => {
    assert.equal(renderMarkdown('Δείτε https://www.etwinning.net/'), '<p>Δείτε <a href="https://www.etwinning.net/">https://www.etwinning.net/</a></p>\n');
  });

  test('without javascript: or data: links, which stay text', () => {
    const html = renderMarkdown('[κλικ](javascript:alert(1)) [εδώ](data:text/html;base64,PHNjcmlwdD4=)');
    assert.doesNotMatch(html, /<a /);
  });

  test('the same from a parse as from the text, reference links included', () => {
    const body = 'Το [TwinSpace][ts] του προγράμματος.\n\n[ts]: https://twinspace.etwinning.net/12345\n';
    assert.equal(renderMarkdown(parseMarkdown(body)), renderMarkdown(body));
    assert.match(renderMarkdown(body), /<a href="https:\/\/twinspace\.etwinning\.net\/12345">TwinSpace<\/a>/);
  });

  test('with the picture made for an image in its place, and a plain <img> for the others', () => {
    const parsed = parseMarkdown('![Η τάξη](class.jpg)\n\n![Η αφίσα](poster.png)');
    const image = [...inlineTokens(parsed, 1)].find(({ token }) => token.type === 'image' && token.attrGet('src') === 'class.jpg')!.token;
    const html = renderMarkdown(parsed, new Map([[image, '<picture>η τάξη</picture>']]));
    assert.equal(html, '<p><picture>η τάξη</picture></p>\n<p><img src="poster.png" alt="Η αφίσα"></p>\n');
  });
});

describe('the inline tokens of a body', () => {
  /** Each link's and image's address with its line, for a body that starts on line 5 of its file. */
  function placed(body: string): [string, number][] {
    return [...inlineTokens(parseMarkdown(body), 5)]
      .filter(({ token }) => token.type === 'link_open' || token.type === 'image')
      .map(({ token, line }: { token: Token; line: number }) => [token.attrGet('href') ?? token.attrGet('src') ?? '', line]);
  }

  test('give each link and image the line of the file it is on, inside a paragraph of several lines too', () => {
    const body = ['Πρώτη γραμμή,', 'δεύτερη με [σύνδεσμο](https://a.example/) και', 'τρίτη με ![φωτογραφία](photo.jpg).', '', '[Τέλος](/archive/)'].join('\n');
    assert.deepEqual(placed(body), [
      ['https://a.example/', 6],
      ['photo.jpg', 7],
      ['/archive/', 9],
    ]);
  });

  test('keep links to files on a computer as links, so that the check can name them', () => {
    assert.deepEqual(placed('[Το σχέδιο](file:///C:/Users/teacher/plan.docx)'), [['file:///C:/Users/teacher/plan.docx', 5]]);
  });

  test("do not list what is inside an image's alt text", () => {
    assert.deepEqual(placed('![Η [αφίσα](poster.jpg) της τάξης](class.jpg)'), [['class.jpg', 5]]);
  });
});

test("an image's alt text is its plain text, without Markdown's signs", () => {
  const parsed = parseMarkdown('![Τα *παιδιά* παρουσιάζουν το **Scratch**](class.jpg)');
  const image = [...inlineTokens(parsed, 1)].find(({ token }) => token.type === 'image')!.token;
  assert.equal(imageAltText(image), 'Τα παιδιά παρουσιάζουν το Scratch');
});
