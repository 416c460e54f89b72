/**
 * Web addresses a project links to (`link`, an outcome's `url`): https
 * addresses as teachers paste them are taken in their normal form; http, files
 * on a computer and other schemes are refused, with the https address when
 * there is one. The platform's addresses are the same page in every language.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseWebAddress, platformAddressIn, samePageKey } from '../../../../src/content/normalise/web-address.ts';
import { PLATFORM } from '../../../helpers/fields-fixture.ts';

describe('web addresses', () => {
  test('an https address is taken in its normal form', () => {
    assert.deepEqual(parseWebAddress(' https://School-Education.ec.europa.eu/el/etwinning/projects/x '), {
      ok: true,
      value: 'https://school-education.ec.europa.eu/el/etwinning/projects/x',
    });
    assert.deepEqual(parseWebAddress('https://twinspace.etwinning.net/1234/home'), { ok: true, value: 'https://twinspace.etwinning.net/1234/home' });
  });

  test('http, files on a computer and other schemes are refused, with the https address when there is one', () => {
    assert.deepEqual(parseWebAddress('http://twinspace.etwinning.net/1234/home'), {
      ok: false,
      mistake: 'insecure',
      suggestion: 'https://twinspace.etwinning.net/1234/home',
    });
    assert.deepEqual(parseWebAddress('school-education.ec.europa.eu/el/x'), {
      ok: false,
      mistake: 'other',
      suggestion: 'https://school-education.ec.europa.eu/el/x',
    });
    for (const path of [
      'file:///C:/Users/teacher/book.pdf',
      'C:\\Users\\teacher\\book.pdf',
      '\\\\server\\share\\book.pdf',
      '/home/teacher/book.pdf',
      '~/book.pdf',
    ]) {
      assert.deepEqual(parseWebAddress(path), { ok: false, mistake: 'file' }, path);
    }
    for (const other of [
      'javascript:alert(1)',
      'data:text/html,x',
      'mailto:school@example.org',
      'https://localhost/x',
      'https://user:secret@example.org/',
      'our e-book',
      '',
    ]) {
      assert.deepEqual(parseWebAddress(other), { ok: false, mistake: 'other' }, other);
    }
  });

  test('a platform address is the same page in every language', () => {
    assert.equal(platformAddressIn(PLATFORM.el, 'en'), PLATFORM.en);
    assert.equal(platformAddressIn('https://twinspace.etwinning.net/el/x', 'en'), 'https://twinspace.etwinning.net/el/x');
  });

  test('two addresses are compared as pages: the same platform page copied in two languages is one, another site’s is not', () => {
    assert.equal(samePageKey(PLATFORM.el), samePageKey(PLATFORM.en));
    assert.notEqual(samePageKey(PLATFORM.el), samePageKey('https://school-education.ec.europa.eu/el/etwinning/projects/another-project'));
    assert.notEqual(samePageKey('https://twinspace.etwinning.net/el/x'), samePageKey('https://twinspace.etwinning.net/en/x'));
  });
});
