/**
 * eTwinning Quality Labels as teachers write them: the archive's own words,
 * the English and Greek names from the certificates and the platform, the
 * abbreviations. Anything else is refused with the nearest labels.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseQualityLabel, sortLabels } from '../../../../src/content/normalise/labels.ts';

describe('Quality Labels as teachers write them', () => {
  const spellings: [string, 'national' | 'european'][] = [
    ['national', 'national'],
    ['National', 'national'],
    ['NATIONAL', 'national'],
    ['NQL', 'national'],
    ['National Quality Label', 'national'],
    ['eTwinning National Quality Label', 'national'],
    ['εθνική', 'national'],
    ['Εθνική', 'national'],
    ['ΕΘΝΙΚΗ', 'national'],
    ['εθνικη', 'national'],
    ['εθνικό', 'national'],
    ['Εθνική Ετικέτα Ποιότητας', 'national'],
    ['Εθνική Ετικέτα Ποιότητας eTwinning', 'national'],
    ['Εθνικό Σήμα Ποιότητας', 'national'],
    ['  Εθνική  ετικέτα ποιότητας ', 'national'],
    ['european', 'european'],
    ['European', 'european'],
    ['EQL', 'european'],
    ['European Quality Label', 'european'],
    ['ευρωπαϊκή', 'european'],
    ['ευρωπαικη', 'european'],
    ['Ευρωπαϊκό', 'european'],
    ['Ευρωπαϊκή Ετικέτα Ποιότητας', 'european'],
    ['ΕΥΡΩΠΑΪΚΗ ΕΤΙΚΕΤΑ ΠΟΙΟΤΗΤΑΣ', 'european'],
  ];
  for (const [typed, label] of spellings) {
    test(`"${typed}" is the ${label} label`, () => {
      assert.deepEqual(parseQualityLabel(typed), { ok: true, value: label });
    });
  }

  test('anything else is refused, with the nearest labels', () => {
    assert.deepEqual(parseQualityLabel('nationl'), { ok: false, suggestions: ['national'] });
    assert.deepEqual(parseQualityLabel('εθνκή'), { ok: false, suggestions: ['national'] });
    assert.deepEqual(parseQualityLabel('europian'), { ok: false, suggestions: ['european'] });
    for (const value of ['gold', 'Quality Label', 'Ετικέτα Ποιότητας', 'both', 'national european', '']) {
      const parsed = parseQualityLabel(value);
      assert.equal(parsed.ok, false, value);
    }
  });
});

test('labels are kept national first, whatever order they were written in', () => {
  assert.deepEqual(sortLabels(['european', 'national']), ['national', 'european']);
  assert.deepEqual(sortLabels(['european']), ['european']);
  assert.deepEqual(sortLabels([]), []);
});
