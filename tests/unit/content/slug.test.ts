import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SLUG_PATTERN } from '../../../src/content/schema.ts';
import { SLUG_MAX_LENGTH, suggestSlug, transliterateGreek } from '../../../src/content/slug.ts';

describe('Greek in Latin letters, by ELOT 743', () => {
  test('letter by letter, accents and capitals aside; θ, χ and ψ are two letters', () => {
    assert.equal(transliterateGreek('Αχαρνών'), 'acharnon');
    assert.equal(transliterateGreek('ΑΘΗΝΑ'), 'athina');
    assert.equal(transliterateGreek('Ψυχή'), 'psychi');
    assert.equal(transliterateGreek('Ελλάδα'), 'ellada');
  });

  test('ου is ou; γγ, γξ and γχ are ng, nx and nch', () => {
    assert.equal(transliterateGreek('Ουρανός'), 'ouranos');
    assert.equal(transliterateGreek('Ευαγγελία'), 'evangelia');
    assert.equal(transliterateGreek('Σφίγξ'), 'sfinx');
    assert.equal(transliterateGreek('άγχος'), 'anchos');
  });

  test('αυ, ευ and ηυ are av, ev and iv, but af, ef and if before θ, κ, ξ, π, σ, τ, φ, χ, ψ and at the end of a word', () => {
    assert.equal(transliterateGreek('Παύλος'), 'pavlos');
    assert.equal(transliterateGreek('ηύρα'), 'ivra');
    assert.equal(transliterateGreek('ευχαριστώ'), 'efcharisto');
    assert.equal(transliterateGreek('αυτοκίνητο'), 'aftokinito');
    assert.equal(transliterateGreek('Ζευς'), 'zefs');
    assert.equal(transliterateGreek('αυ τό'), 'af to');
  });

  test('a dialytika keeps two vowels apart: ϊ and ϋ are never a diphthong', () => {
    assert.equal(transliterateGreek('προϋπόθεση'), 'proypothesi');
    assert.equal(transliterateGreek('Μαΐου'), 'maiou');
    assert.equal(transliterateGreek('Ευβοϊκός'), 'evvoikos');
  });

  test('leaves Latin letters, digits and signs to the folder name', () => {
    assert.equal(transliterateGreek('Scratch 2016!'), 'scratch 2016!');
  });
});

describe('a folder name from a title', () => {
  test('is lower-case Latin letters, digits and single dashes, whatever the title is written in', () => {
    const titles = {
      'The Scratch Project': 'the-scratch-project',
      'Cool or not too cool? Rights and Obligations': 'cool-or-not-too-cool-rights-and-obligations',
      'Οι 4 εποχές στην Ευρώπη': 'oi-4-epoches-stin-evropi',
      "Ε' τάξη: Το πρόγραμμα Scratch": 'e-taxi-to-programma-scratch',
      'Café Müller — Gdańsk': 'cafe-muller-gdansk',
      '  --Separated... and... United--  ': 'separated-and-united',
    };
    for (const [title, slug] of Object.entries(titles)) {
      assert.equal(suggestSlug(title), slug, title);
      assert.match(slug, SLUG_PATTERN);
    }
  });

  test("keeps the letters of a partner country's words that have no accent to drop: Łódź is lodz, Straße strasse", () => {
    assert.equal(suggestSlug('Łódź and Thessaloniki'), 'lodz-and-thessaloniki');
    assert.equal(suggestSlug('Die Straße'), 'die-strasse');
    assert.equal(suggestSlug('Ørsted'), 'orsted');
  });

  test('is cut after a whole word, at most SLUG_MAX_LENGTH characters, and still valid', () => {
    const slug = suggestSlug('Παραδοσιακά παιχνίδια και τραγούδια της Ελλάδας, της Πολωνίας και της Τουρκίας');
    assert.equal(slug, 'paradosiaka-paichnidia-kai-tragoudia-tis-elladas-tis');
    assert.ok(slug.length <= SLUG_MAX_LENGTH);
    assert.match(slug, SLUG_PATTERN);
  });

  test('is never a name Windows keeps for a device: a project called "Con" or "AUX" gets another folder', () => {
    assert.equal(suggestSlug('Con'), 'con-project');
    assert.equal(suggestSlug('AUX'), 'aux-project');
    assert.equal(suggestSlug('COM1'), 'com1-project');
    assert.equal(suggestSlug('Κον'), 'kon');
    assert.equal(suggestSlug('Con Brio'), 'con-brio');
  });

  test('is empty when the title has nothing a web address can use', () => {
    for (const title of ['!!!', '🎉', '中文标题', '   ']) assert.equal(suggestSlug(title), '', title);
  });
});
