/** The test server that the browser tests rely on serves a folder as a static host would. */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { tempDir } from '../helpers/built-site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

let root: string;
before(() => {
  root = path.join(tempDir('static'), 'site');
  const files: Record<string, string> = {
    'index.html': '<h1>home</h1>',
    '404.html': '<h1>not found</h1>',
    'en/index.html': '<h1>english home</h1>',
    'en/404.html': '<h1>english not found</h1>',
    'archive/index.html': '<h1>archive</h1>',
    'css/site.css': 'body{}',
    'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'feed.xml': '<feed/>',
    'data.json': '{}',
    'js/app.js': '',
    'photo.webp': 'x',
    'photo.avif': 'x',
    'photo.jpg': 'x',
    'photo.png': 'x',
    'font.woff2': 'x',
  };
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
});
after(() => rmSync(path.dirname(root), { recursive: true, force: true }));

for (const prefix of ['/', '/etwinning/']) {
  describe(`serving a folder under ${prefix}`, () => {
    let server: StaticServer;
    before(async () => {
      server = await serveStatic(root, { pathPrefix: prefix });
    });
    after(() => server?.close());
    const get = (sitePath: string) => fetch(new URL(sitePath, server.url), { redirect: 'manual' });

    test('listens on 127.0.0.1 at a free port, at the prefix', () => {
      assert.match(server.url, new RegExp(`^http://127\\.0\\.0\\.1:\\d+${prefix}$`));
    });

    test('a folder serves its index.html; a folder without its final slash is redirected', async () => {
      for (const [sitePath, h1] of [
        ['', 'home'],
        ['archive/', 'archive'],
        ['en/', 'english home'],
      ] as const) {
        const response = await get(sitePath);
        assert.equal(response.status, 200, sitePath);
        assert.equal(await response.text(), `<h1>${h1}</h1>`);
      }
      const redirect = await get('archive');
      assert.equal(redirect.status, 301);
      assert.equal(redirect.headers.get('location'), `${prefix}archive/`);
    });

    test('each kind of file has its Content-Type', async () => {
      const expected: Record<string, string> = {
        'index.html': 'text/html; charset=utf-8',
        'css/site.css': 'text/css; charset=utf-8',
        'icon.svg': 'image/svg+xml',
        'feed.xml': 'application/xml; charset=utf-8',
        'data.json': 'application/json; charset=utf-8',
        'js/app.js': 'text/javascript; charset=utf-8',
        'photo.png': 'image/png',
        'photo.jpg': 'image/jpeg',
        'photo.webp': 'image/webp',
        'photo.avif': 'image/avif',
        'font.woff2': 'font/woff2',
      };
      for (const [file, type] of Object.entries(expected)) {
        const response = await get(file);
        assert.equal(response.status, 200, file);
        assert.equal(response.headers.get('content-type'), type, file);
        await response.arrayBuffer();
      }
    });

    test('a missing file answers 404 with the nearest 404.html', async () => {
      for (const [sitePath, h1] of [
        ['no-such-page/', 'not found'],
        ['archive/no/such/file.css', 'not found'],
        ['en/no-such-page/', 'english not found'],
      ] as const) {
        const response = await get(sitePath);
        assert.equal(response.status, 404, sitePath);
        assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
        assert.equal(await response.text(), `<h1>${h1}</h1>`, sitePath);
      }
    });

    test('nothing outside the folder, or outside the prefix, is served', async () => {
      // Sent as written (fetch would remove the dot segments before sending).
      for (const raw of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%2e%2e%2f%2e%2e%2fetc/passwd']) {
        const { status, body } = await rawGet(server, `${prefix.slice(0, -1)}${raw}`);
        assert.ok(status === 400 || status === 404, `${raw}: ${status}`);
        assert.doesNotMatch(body, /root:/);
      }
      if (prefix !== '/') {
        const outside = await fetch(`${server.origin}/css/site.css`);
        assert.equal(outside.status, 404);
        const bare = await fetch(`${server.origin}${prefix.slice(0, -1)}`, { redirect: 'manual' });
        assert.equal(bare.status, 301);
        assert.equal(bare.headers.get('location'), prefix);
      }
    });
  });
}

/** A GET with the path exactly as given. */
function rawGet(server: StaticServer, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    http
      .get({ hostname, port, path: rawPath, agent: false }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}
