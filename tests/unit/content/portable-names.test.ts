import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { namesDifferingInCase, renamedDeviceName, windowsDeviceName } from '../../../src/content/portable-names.ts';

describe('a name Windows keeps for a device', () => {
  test('is con, prn, aux, nul, com1 to com9 and lpt1 to lpt9, in any case, with or without an extension', () => {
    for (const name of ['con', 'PRN', 'Aux', 'nul.jpg', 'NUL.JPG', 'com1', 'COM9.png', 'lpt1', 'Lpt9.tar.gz', 'con .jpg']) {
      assert.ok(windowsDeviceName(name), name);
    }
    assert.equal(windowsDeviceName('nul.jpg'), 'NUL');
  });

  test('is not a name that only starts like one, nor com0, com10 or a name after a dot', () => {
    for (const name of ['console', 'null.jpg', 'com0', 'com10', 'lpt', 'aux-project', 'photo.con', '.nul', 'con-1.jpg']) {
      assert.equal(windowsDeviceName(name), undefined, name);
    }
  });

  test('renamed, gets a suffix before its extension and is no longer one', () => {
    assert.equal(renamedDeviceName('nul.jpg'), 'nul-1.jpg');
    assert.equal(renamedDeviceName('AUX.tar.gz'), 'AUX-1.tar.gz');
    assert.equal(renamedDeviceName('con', '-project'), 'con-project');
    assert.equal(windowsDeviceName(renamedDeviceName('com1.png')), undefined);
  });
});

describe('names in one folder that differ only in capitals', () => {
  test('are each later one with the first, also when an accent is stored apart (as macOS saves it)', () => {
    const nfd = 'Φωτο\u0301.jpg';
    assert.deepEqual(namesDifferingInCase(['Photo.jpg', 'photo.jpg', 'PHOTO.JPG', 'other.jpg', 'φωτό.jpg', nfd]), [
      ['Photo.jpg', 'photo.jpg'],
      ['Photo.jpg', 'PHOTO.JPG'],
      ['φωτό.jpg', nfd],
    ]);
  });

  test('in different folders are not compared', () => {
    assert.deepEqual(namesDifferingInCase(['a/photo.jpg', 'b/Photo.jpg']), []);
  });
});
