// tools/serve.mjs: MIME types, headers, index.html, 404, path traversal, methods.
// Needs no browser; it serves a temporary folder.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { startServer, CSP } from '../../tools/serve.mjs';

let dir;
let srv;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'claimlens-serve-'));
  const root = path.join(dir, 'www');
  mkdirSync(path.join(root, 'pkg'), { recursive: true });
  mkdirSync(path.join(root, 'sub'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(root, 'sub', 'index.html'), '<!doctype html><title>sub</title>');
  writeFileSync(path.join(root, 'pkg', 'x_bg.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  writeFileSync(path.join(root, 'pkg', 'x.js'), 'export {};');
  writeFileSync(path.join(root, 'm.mjs'), 'export {};');
  writeFileSync(path.join(root, 'a.css'), 'body{}');
  writeFileSync(path.join(root, 'a.json'), '{}');
  writeFileSync(path.join(root, 'a b.txt'), 'héllo');
  writeFileSync(path.join(root, 'a.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(root, 'a.png'), Buffer.from([137, 80, 78, 71]));
  writeFileSync(path.join(root, 'a.md'), '# hi');
  writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'link.txt'));
  srv = await startServer({ port: 0, root, quiet: true });
});

after(async () => {
  await srv?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A raw request, so that paths such as /../x reach the server unnormalised. */
function request(method, rawPath) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: srv.port, method, path: rawPath }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('url is the loopback address with the chosen port', () => {
  assert.match(srv.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.ok(srv.port > 0);
});

test('serves index.html for / and for a folder', async () => {
  const root = await request('GET', '/');
  assert.equal(root.status, 200);
  assert.equal(root.headers['content-type'], 'text/html; charset=utf-8');
  assert.match(root.body.toString(), /<title>t<\/title>/);
  const sub = await request('GET', '/sub/');
  assert.equal(sub.status, 200);
  assert.match(sub.body.toString(), /<title>sub<\/title>/);
});

test('MIME types', async () => {
  const expected = {
    '/pkg/x_bg.wasm': 'application/wasm',
    '/pkg/x.js': /^text\/javascript/,
    '/m.mjs': /^text\/javascript/,
    '/a.css': /^text\/css/,
    '/a.json': /^application\/json/,
    '/a%20b.txt': 'text/plain; charset=utf-8',
    '/a.svg': 'image/svg+xml',
    '/a.png': 'image/png',
    '/a.md': /^text\/markdown/,
  };
  for (const [p, type] of Object.entries(expected)) {
    const res = await request('GET', p);
    assert.equal(res.status, 200, p);
    if (type instanceof RegExp) assert.match(res.headers['content-type'], type, p);
    else assert.equal(res.headers['content-type'], type, p);
  }
  const txt = await request('GET', '/a%20b.txt');
  assert.equal(txt.body.toString('utf8'), 'héllo');
  assert.equal(Number(txt.headers['content-length']), Buffer.byteLength('héllo'));
});

test('security headers on every response, including errors', async () => {
  for (const p of ['/', '/a.json', '/missing.txt']) {
    const res = await request('GET', p);
    assert.equal(res.headers['content-security-policy'], CSP, p);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', p);
    assert.equal(res.headers['cache-control'], 'no-cache', p);
  }
  assert.match(CSP, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(CSP, /frame-ancestors 'none'/);
});

test('404 for a missing file', async () => {
  const res = await request('GET', '/nope.html');
  assert.equal(res.status, 404);
});

test('refuses path traversal, encoded or not, and symbolic links out of the root', async () => {
  for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/sub/../../secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/link.txt', '/a.json%00.txt']) {
    const res = await request('GET', p);
    assert.ok([403, 404, 400].includes(res.status), `${p} gave ${res.status}`);
    assert.ok(!res.body.toString().includes('secret'), `${p} leaked the file`);
  }
});

test('HEAD has headers and no body; other methods get 405', async () => {
  const head = await request('HEAD', '/a.json');
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.equal(Number(head.headers['content-length']), 2);
  for (const m of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
    const res = await request(m, '/a.json');
    assert.equal(res.status, 405, m);
    assert.equal(res.headers.allow, 'GET, HEAD');
  }
});

test('a query string is ignored', async () => {
  const res = await request('GET', '/a.json?v=2');
  assert.equal(res.status, 200);
  assert.equal(res.body.toString(), '{}');
});
