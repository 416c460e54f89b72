import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allCountryCodes, countryName, parseCountry } from '../../../../src/content/normalise/countries.ts';

const accepted: Array<[string, string]> = [
  // ISO codes in any case, with spaces around
  ['LV', 'LV'],
  ['lv', 'LV'],
  ['Lv', 'LV'],
  [' Lv ', 'LV'],
  ['\u00A0gr\u00A0', 'GR'],
  ['XK', 'XK'],
  // The EU's own codes
  ['EL', 'GR'],
  ['el', 'GR'],
  ['UK', 'GB'],
  ['uk', 'GB'],
  ['U.K.', 'GB'],
  // Greek names, with or without accents, any case
  ['\u039B\u03B5\u03C4\u03BF\u03BD\u03AF\u03B1', 'LV'], // Λετονία
  ['\u039B\u03B5\u03C4\u03BF\u03BD\u03B9\u03B1', 'LV'], // Λετονια
  ['\u039B\u0395\u03A4\u039F\u039D\u0399\u0391', 'LV'], // ΛΕΤΟΝΙΑ
  ['\u039B\u0395\u03A4\u039F\u039D\u038A\u0391', 'LV'], // ΛΕΤΟΝΊΑ
  ['Λετονι\u0301α', 'LV'], // decomposed accent (NFD)
  ['Ρουμανια', 'RO'],
  // English names
  ['Latvia', 'LV'],
  ['latvia', 'LV'],
  ['LATVIA', 'LV'],
  ['  Latvia\u00A0', 'LV'],
  ['Greece', 'GR'],
  ['united kingdom', 'GB'],
  // Short names CLDR gives
  ['ΗΒ', 'GB'],
  ['US', 'US'],
  ['ΗΠΑ', 'US'],
  ['Bosnia', 'BA'],
  ['Hong Kong', 'HK'],
  // CLDR names written differently
  ['Bosnia and Herzegovina', 'BA'],
  ['Bosnia & Herzegovina', 'BA'],
  ['Βοσνία-Ερζεγοβίνη', 'BA'],
  ["Cote d'Ivoire", 'CI'],
  ['Côte d’Ivoire', 'CI'],
  ['Saint Lucia', 'LC'],
  ['St Lucia', 'LC'],
  ['Guinea Bissau', 'GW'],
  ['Burma', 'MM'],
  ['Βιρμανία', 'MM'],
  ['Myanmar (Burma)', 'MM'],
  // With an article, as the school's page writes them
  ['τη Λετονία', 'LV'],
  ['την Ελλάδα', 'GR'],
  ['το Ηνωμένο Βασίλειο', 'GB'],
  ['η Πολωνία', 'PL'],
  ['οι Κάτω Χώρες', 'NL'],
  ['the Netherlands', 'NL'],
  ['The United Kingdom', 'GB'],
  // A Greek word with a Latin look-alike in it (Latin E)
  ['E\u03BB\u03BB\u03AC\u03B4\u03B1', 'GR'],
  // Names Intl does not give, from the alternative table
  ['Turkey', 'TR'],
  ['Türkiye', 'TR'],
  ['Turkiye', 'TR'],
  ['Τουρκία', 'TR'],
  ['Great Britain', 'GB'],
  ['Britain', 'GB'],
  ['England', 'GB'],
  ['Αγγλία', 'GB'],
  ['Μεγάλη Βρετανία', 'GB'],
  ['Holland', 'NL'],
  ['Ολλανδία', 'NL'],
  ['Netherlands', 'NL'],
  ['Κάτω Χώρες', 'NL'],
  ['Czech Republic', 'CZ'],
  ['Czechia', 'CZ'],
  ['Τσεχία', 'CZ'],
  ['Moldova', 'MD'],
  ['Moldavia', 'MD'],
  ['Μολδαβία', 'MD'],
  ['Macedonia', 'MK'],
  ['North Macedonia', 'MK'],
  ['Βόρεια Μακεδονία', 'MK'],
  ['Russia', 'RU'],
  ['Russian Federation', 'RU'],
  ['Ρωσία', 'RU'],
  ['Κόσοβο', 'XK'],
  ['Kosovo', 'XK'],
  ['Hellas', 'GR'],
];

for (const [raw, code] of accepted) {
  test(`parseCountry accepts ${JSON.stringify(raw)} as ${code}`, () => {
    assert.deepEqual(parseCountry(raw), { ok: true, value: code });
  });
}

test("the seed page's countries, in its own words", () => {
  const seed: Array<[string, string]> = [
    ['την Ελλάδα', 'GR'],
    ['τη Λετονία', 'LV'],
    ['το Ηνωμένο Βασίλειο', 'GB'],
    ['την Ιταλία', 'IT'],
    ['την Πορτογαλία', 'PT'],
    ['την Πολωνία', 'PL'],
    ['τη Σλοβακία', 'SK'],
    ['το Βέλγιο', 'BE'],
    ['τη Γαλλία', 'FR'],
    ['τη Ρουμανία', 'RO'],
    ['την Τουρκία', 'TR'],
    ['την Ισπανία', 'ES'],
    ['τη Γεωργία', 'GE'],
    ['τη Μολδαβία', 'MD'],
    ['τη Λιθουανία', 'LT'],
    ['την Ουκρανία', 'UA'],
  ];
  for (const [raw, code] of seed) {
    assert.deepEqual(parseCountry(raw), { ok: true, value: code }, raw);
  }
});

const rejected: Array<[string, string[]]> = [
  ['Latvija', ['LV']],
  ['Germny', ['DE']],
  ['της Ρουμανίας', ['RO']], // genitives are not guessed, only suggested
  ['Μακεδονία', ['MK']], // in Greek also a Greek region: not accepted silently
  ['Congo', ['CD', 'CG']],
  ['Korea', ['KP', 'KR']],
  ['Spian', ['ES', 'SD', 'SS']], // all as close: up to three are offered
  ['SU', ['SA', 'SB', 'SC']], // a deprecated code (Soviet Union)
  ['EU', ['EC', 'EE', 'EG']], // not a country
  ['ZZ', ['ZA', 'ZM', 'ZW']],
  ['', ['AD', 'AE', 'AF']],
];

for (const [raw, suggestions] of rejected) {
  test(`parseCountry rejects ${JSON.stringify(raw)} and suggests ${suggestions.join(', ')}`, () => {
    assert.deepEqual(parseCountry(raw), { ok: false, suggestions });
  });
}

test('allCountryCodes: ISO countries from Intl, without the non-countries', () => {
  const codes = allCountryCodes();
  assert.equal(codes.length, 250); // the 249 ISO 3166-1 codes and XK
  assert.equal(allCountryCodes(), codes, 'computed once');
  assert.deepEqual([...codes].sort(), codes);
  for (const code of ['GR', 'LV', 'GB', 'TR', 'MD', 'MK', 'XK', 'CY', 'AQ']) assert.ok(codes.includes(code), code);
  for (const code of [
    'EU',
    'EZ',
    'UN',
    'QO',
    'XA',
    'XB',
    'ZZ',
    'AC',
    'CP',
    'CQ',
    'DG',
    'EA',
    'IC',
    'TA',
    'UK',
    'EL',
    'SU',
    'YU',
    'DD',
    'CS',
    'AN',
    'FX',
    'TP',
    'ZR',
  ]) {
    assert.ok(!codes.includes(code), code);
  }
});

test('every country is accepted by its code and by its names in Greek and English', () => {
  for (const code of allCountryCodes()) {
    for (const raw of [code, code.toLowerCase(), countryName(code, 'el'), countryName(code, 'en')]) {
      assert.deepEqual(parseCountry(raw), { ok: true, value: code }, raw);
    }
  }
});

test('countryName', () => {
  assert.equal(countryName('LV', 'el'), 'Λετονία');
  assert.equal(countryName('GR', 'en'), 'Greece');
  assert.equal(countryName('GR', 'el'), 'Ελλάδα');
  assert.equal(countryName('GB', 'el'), 'Ηνωμένο Βασίλειο');
  assert.equal(countryName('GB', 'en'), 'United Kingdom');
  assert.equal(countryName('MD', 'el'), 'Μολδαβία');
  assert.equal(countryName('LV', 'en'), 'Latvia');
});

test('in a sentence (anyCase), Greek names are read in every case a sentence declines them', () => {
  const sentenceForms: Array<[string, string]> = [
    // The forms of the school's page
    ['την Ελλάδα', 'GR'],
    ['τη Λετονία', 'LV'],
    ['το Ηνωμένο Βασίλειο', 'GB'],
    ['της Ρουμανίας', 'RO'],
    ['της Πολωνίας', 'PL'],
    ['του Ηνωμένου Βασιλείου', 'GB'],
    // Genitive of other declensions: neuter, masculine and feminine in -ος, -η, the older "Ελλάδος"
    ['του Βελγίου', 'BE'],
    ['του Λουξεμβούργου', 'LU'],
    ['της Κύπρου', 'CY'],
    ['του Λιβάνου', 'LB'],
    ['της Νότιας Αφρικής', 'ZA'],
    ['της Βόρειας Μακεδονίας', 'MK'],
    ['της Ελλάδος', 'GR'],
    ['της Τσεχικής Δημοκρατίας', 'CZ'],
    // Plurals: genitive in -ων
    ['των Κάτω Χωρών', 'NL'],
    ['των Ηνωμένων Πολιτειών', 'US'],
    ['των Ηνωμένων Αραβικών Εμιράτων', 'AE'],
    // Accusative of masculine names, and "στην"
    ['τον Καναδά', 'CA'],
    ['τον Λίβανο', 'LB'],
    ['στην Ιταλία', 'IT'],
    // Names from the alternative table, declined
    ['της Αγγλίας', 'GB'],
    ['της Ολλανδίας', 'NL'],
  ];
  for (const [raw, code] of sentenceForms) {
    assert.deepEqual(parseCountry(raw, { anyCase: true }), { ok: true, value: code }, raw);
  }
});

test('anyCase still accepts every name as it is, and still refuses what is no country', () => {
  for (const code of allCountryCodes()) {
    assert.deepEqual(parseCountry(countryName(code, 'el'), { anyCase: true }), { ok: true, value: code }, code);
  }
  assert.equal(parseCountry('της Ατλαντίδας', { anyCase: true }).ok, false);
  assert.deepEqual(parseCountry('Latvija', { anyCase: true }), { ok: false, suggestions: ['LV'] });
  // A front matter still names a country in the nominative: the genitive is refused there (see above).
  assert.equal(parseCountry('της Ρουμανίας').ok, false);
});
