/**
 * A synthetic eTwinning archive for the benchmark, in the real content format
 * (README "The content format"): school.el.md / school.en.md, one folder per
 * school year, one folder per project with index.el.md and index.en.md.
 *
 * Deterministic: the same `projects` and `seed` always give byte-identical
 * files, so two runs (or two machines) build the same site.
 *
 * One project in DEFAULT_PHOTOS_EVERY has a photo (`photo-1.jpg`, referenced
 * from both texts), so the build's image step has work to do.
 *
 * Standalone: `node --import tsx scripts/bench/generate.ts --projects 2000 --out DIR [--photos-every K]`
 */
import { mkdir, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

export const DEFAULT_SEED = 2012;
/** One project in this many has a photo (0: none). */
export const DEFAULT_PHOTOS_EVERY = 50;
/** Photo size: a phone photo scaled down by the teacher, so that encoding stays affordable. */
const PHOTO_WIDTH = 1200;
const PHOTO_HEIGHT = 900;
export const YEAR_COUNT = 20;
/** The newest school year; the archive covers the YEAR_COUNT years up to it. */
export const LAST_YEAR_START = 2025;

/** mulberry32: a tiny seeded PRNG, good enough to pick words. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return out;
  }
}

// ---------------------------------------------------------------------------
// The sets teachers draw from.

/**
 * Partner countries of eTwinning schools: ISO code, Greek and English name as
 * Intl.DisplayNames gives them (hard-coded so the files do not depend on the
 * ICU version of the machine that generates them).
 */
const COUNTRIES: readonly (readonly [code: string, el: string, en: string])[] = [
  ['RO', 'Ρουμανία', 'Romania'],
  ['TR', 'Τουρκία', 'Turkey'],
  ['PL', 'Πολωνία', 'Poland'],
  ['ES', 'Ισπανία', 'Spain'],
  ['GB', 'Ηνωμένο Βασίλειο', 'United Kingdom'],
  ['SK', 'Σλοβακία', 'Slovakia'],
  ['MD', 'Μολδαβία', 'Moldova'],
  ['LV', 'Λετονία', 'Latvia'],
  ['IT', 'Ιταλία', 'Italy'],
  ['GE', 'Γεωργία', 'Georgia'],
  ['PT', 'Πορτογαλία', 'Portugal'],
  ['UA', 'Ουκρανία', 'Ukraine'],
  ['LT', 'Λιθουανία', 'Lithuania'],
  ['FR', 'Γαλλία', 'France'],
  ['BE', 'Βέλγιο', 'Belgium'],
  ['DE', 'Γερμανία', 'Germany'],
  ['AT', 'Αυστρία', 'Austria'],
  ['BG', 'Βουλγαρία', 'Bulgaria'],
  ['CY', 'Κύπρος', 'Cyprus'],
  ['CZ', 'Τσεχία', 'Czechia'],
  ['DK', 'Δανία', 'Denmark'],
  ['EE', 'Εσθονία', 'Estonia'],
  ['FI', 'Φινλανδία', 'Finland'],
  ['HR', 'Κροατία', 'Croatia'],
  ['HU', 'Ουγγαρία', 'Hungary'],
  ['IE', 'Ιρλανδία', 'Ireland'],
  ['MT', 'Μάλτα', 'Malta'],
  ['NL', 'Ολλανδία', 'Netherlands'],
  ['SE', 'Σουηδία', 'Sweden'],
  ['SI', 'Σλοβενία', 'Slovenia'],
  ['NO', 'Νορβηγία', 'Norway'],
  ['IS', 'Ισλανδία', 'Iceland'],
  ['RS', 'Σερβία', 'Serbia'],
  ['AL', 'Αλβανία', 'Albania'],
  ['AM', 'Αρμενία', 'Armenia'],
  ['AZ', 'Αζερμπαϊτζάν', 'Azerbaijan'],
  ['TN', 'Τυνησία', 'Tunisia'],
  ['JO', 'Ιορδανία', 'Jordan'],
];
const GREECE = ['GR', 'Ελλάδα', 'Greece'] as const;

const GRADE_LETTERS = ['Α', 'Β', 'Γ', 'Δ', 'Ε', 'ΣΤ'] as const;
/** Numeral signs as teachers type them: apostrophe, tonos, keraia, right quote. */
const NUMERAL_SIGNS = ["'", "'", '΄', '΄', 'ʹ', '’'] as const;

interface ClassGroup {
  grade: number;
  section?: number;
}

/** A class group spelled as a teacher might: `Ε'`, `Ε΄`, `ΣΤ1`, `Στ1`, `Στ'`. */
function spellClass(random: Random, group: ClassGroup): string {
  let letters: string = GRADE_LETTERS[group.grade - 1]!;
  if (group.grade === 6 && random.chance(0.3)) letters = 'Στ';
  return group.section ? `${letters}${group.section}` : `${letters}${random.pick(NUMERAL_SIGNS)}`;
}

/** A partner spelled in the file's language, or as an ISO/EU code in any case. */
function spellPartner(random: Random, country: readonly [string, string, string], lang: 'el' | 'en'): string {
  const roll = random.next();
  if (roll < 0.2) {
    const code = country[0] === 'GR' ? random.pick(['GR', 'EL', 'gr']) : country[0] === 'GB' ? random.pick(['GB', 'UK']) : country[0];
    return random.chance(0.3) ? code.toLowerCase() : code;
  }
  return lang === 'el' ? country[1] : country[2];
}

const EN_ADJECTIVES = [
  'Healthy',
  'Green',
  'Digital',
  'Creative',
  'Little',
  'Young',
  'European',
  'Colourful',
  'Friendly',
  'Curious',
  'Happy',
  'Magic',
  'Smart',
  'Tiny',
  'Brave',
  'Sustainable',
  'Ancient',
  'Musical',
  'Hidden',
  'Shared',
] as const;
const EN_NOUNS = [
  'Habits',
  'Stories',
  'Recipes',
  'Games',
  'Seasons',
  'Festivals',
  'Traditions',
  'Coders',
  'Gardens',
  'Bridges',
  'Voices',
  'Explorers',
  'Scientists',
  'Artists',
  'Readers',
  'Friends',
  'Rivers',
  'Oceans',
  'Castles',
  'Maps',
  'Heroes',
  'Myths',
  'Songs',
  'Robots',
  'Schools',
] as const;
const EN_ENDINGS = [
  'in Europe',
  'Across Borders',
  'Around the World',
  'Together',
  'of Our Towns',
  'for Kids',
  'and Us',
  'Unite the World',
  'in Greece and Beyond',
  'Through the Year',
  '',
  '',
] as const;

const EL_NOUNS = [
  'Ιστορίες',
  'Παιχνίδια',
  'Συνταγές',
  'Γιορτές',
  'Παραδόσεις',
  'Κήποι',
  'Γέφυρες',
  'Φωνές',
  'Εξερευνητές',
  'Χάρτες',
  'Τραγούδια',
  'Μύθοι',
  'Ήρωες',
  'Ρομπότ',
  'Εποχές',
  'Φίλοι',
  'Ποτάμια',
  'Κάστρα',
] as const;
const EL_ENDINGS = [
  'της Ευρώπης',
  'χωρίς σύνορα',
  'από όλο τον κόσμο',
  'μαζί',
  'των πόλεών μας',
  'για παιδιά',
  'και εμείς',
  'στην Ελλάδα και πέρα από αυτήν',
  'όλο τον χρόνο',
  'του σχολείου μας',
] as const;

/** Words for the bodies; common, varied in length, with accents and final sigma. */
const EL_WORDS = (
  'και το η οι τα με από για στο στη στην στους στις σε που ένα μια μαθητές μαθήτριες σχολείο σχολεία τάξη ' +
  'πρόγραμμα συνεργασία εργασία ομάδα ομάδες χώρες χώρα ευρωπαϊκή ευρωπαϊκό γλώσσα γλώσσες πολιτισμός ' +
  'παράδοση παραδόσεις τραγούδι τραγούδια παιχνίδι παιχνίδια ζωγραφική ιστορία ιστορίες βίντεο φωτογραφίες ' +
  'παρουσίαση παρουσιάσεις συνάντηση επικοινωνία ηλεκτρονική πλατφόρμα εκπαιδευτικοί δάσκαλοι γονείς κοινότητα ' +
  'περιβάλλον φύση ανακύκλωση υγεία διατροφή αθλητισμός μουσική θέατρο γράμματα κάρτες δώρα γιορτή Χριστούγεννα ' +
  'Πάσχα άνοιξη καλοκαίρι φθινόπωρο χειμώνας μάθηση γνώση δεξιότητες δημιουργικότητα φαντασία χαρά φιλία ' +
  'σεβασμός διαφορετικότητα ισότητα δικαιώματα υποχρεώσεις ψηφιακά εργαλεία υπολογιστής προγραμματισμός ' +
  'δημιούργησαν έγραψαν ζωγράφισαν τραγούδησαν μοιράστηκαν αντάλλαξαν γνώρισαν έμαθαν παρουσίασαν ετοίμασαν ' +
  'συμμετείχαν συνεργάστηκαν ανακάλυψαν κατέγραψαν μελέτησαν επισκέφθηκαν οργάνωσαν ψήφισαν σύγκριναν ' +
  'κοινό κοινή μεγάλο μικρό νέο νέα όμορφο όμορφα ενδιαφέρον σημαντικό διαδικτυακό ζωντανό τελικό πρώτο ' +
  'δεύτερο κάθε όλοι όλες όλα μαζί επίσης ακόμη πολύ περισσότερο έτσι ώστε καθώς κατά τη διάρκεια μέσα έξω'
).split(' ');

const EN_WORDS = (
  'and the a of to in with from for on at by pupils students school schools class project partnership work ' +
  'team teams countries country European language languages culture tradition traditions song songs game games ' +
  'drawing story stories video photos presentation meeting communication online platform teachers parents ' +
  'community environment nature recycling health food sport music theatre letters cards gifts festival Christmas ' +
  'Easter spring summer autumn winter learning knowledge skills creativity imagination joy friendship respect ' +
  'diversity equality rights duties digital tools computer coding created wrote painted sang shared exchanged ' +
  'met learned presented prepared joined worked discovered recorded studied visited organised voted compared ' +
  'common big small new beautiful interesting important live final first second every all together also even ' +
  'very more so that while during inside outside their our each other many few'
).split(' ');

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function sentence(random: Random, words: readonly string[]): string {
  const length = random.int(8, 16);
  const parts: string[] = [];
  for (let i = 0; i < length; i++) parts.push(random.pick(words));
  if (length > 10 && random.chance(0.4)) parts[random.int(3, length - 3)] += ',';
  return `${capitalise(parts.join(' '))}${random.chance(0.1) ? '!' : '.'}`;
}

/** A paragraph of about `words` words. */
function paragraph(random: Random, words: readonly string[], target: number): { text: string; count: number } {
  const sentences: string[] = [];
  let count = 0;
  while (count < target) {
    const s = sentence(random, words);
    count += s.split(' ').length;
    sentences.push(s);
  }
  return { text: sentences.join(' '), count };
}

// ---------------------------------------------------------------------------
// The archive.

interface PlannedProject {
  year: string;
  slug: string;
  titleEn: string;
  titleEl: string;
  classes: ClassGroup[];
  partners: (readonly [string, string, string])[];
  continues?: string;
  continued?: boolean;
  photo?: boolean;
}

export interface GeneratedArchive {
  contentDir: string;
  projects: number;
  files: number;
  bytes: number;
  years: string[];
  photos: number;
  /** One project, for the watch test: the newest year's first project. */
  sample: { year: string; slug: string };
}

function slugOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Projects per year, growing over the years (the archive's newest years are its busiest). */
function projectsPerYear(total: number): number[] {
  const weights = Array.from({ length: YEAR_COUNT }, (_, i) => 1 + i * 0.08);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    counts[i]!++;
  }
  return counts;
}

function plan(total: number, random: Random): PlannedProject[] {
  const years = Array.from({ length: YEAR_COUNT }, (_, i) => {
    const start = LAST_YEAR_START - YEAR_COUNT + 1 + i;
    return `${start}-${start + 1}`;
  });
  const counts = projectsPerYear(total);
  const all: PlannedProject[] = [];
  let previous: PlannedProject[] = [];
  years.forEach((year, y) => {
    const slugs = new Set<string>();
    const current: PlannedProject[] = [];
    for (let i = 0; i < counts[y]!; i++) {
      // About one project in eight carries on a project of the year before, in the same folder name.
      const earlier = previous.filter((p) => !p.continued && !slugs.has(p.slug));
      if (earlier.length > 0 && random.chance(0.12)) {
        const from = random.pick(earlier);
        from.continued = true;
        slugs.add(from.slug);
        current.push({
          year,
          slug: from.slug,
          titleEn: from.titleEn,
          titleEl: from.titleEl,
          classes: from.classes
            .map((c) => ({ ...c, grade: Math.min(6, c.grade + 1) }))
            .filter((c, index, list) => list.findIndex((o) => o.grade === c.grade && o.section === c.section) === index),
          partners: random.chance(0.5) ? from.partners : [from.partners[0]!, ...random.sample(COUNTRIES, random.int(1, 8))],
          continues: `${years[y - 1]}/${from.slug}`,
        });
        continue;
      }
      const titleEn = [random.chance(0.2) ? 'The' : '', random.pick(EN_ADJECTIVES), random.pick(EN_NOUNS), random.pick(EN_ENDINGS)].filter(Boolean).join(' ');
      // Most schools keep the English title in the Greek file too; some translate it.
      const titleEl = random.chance(0.6) ? titleEn : `${random.pick(EL_NOUNS)} ${random.pick(EL_ENDINGS)}`;
      let slug = slugOf(titleEn);
      for (let n = 2; slugs.has(slug); n++) slug = `${slugOf(titleEn)}-${n}`;
      slugs.add(slug);
      const classes: ClassGroup[] = [];
      const wanted = random.chance(0.7) ? 1 : random.int(2, 3);
      while (classes.length < wanted) {
        const group: ClassGroup = { grade: random.int(1, 6), section: random.chance(0.5) ? random.int(1, 3) : undefined };
        if (!classes.some((c) => c.grade === group.grade && c.section === group.section)) classes.push(group);
      }
      const partners = [GREECE, ...random.sample(COUNTRIES, random.chance(0.1) ? random.int(9, 14) : random.int(1, 7))];
      current.push({ year, slug, titleEn, titleEl, classes, partners });
    }
    all.push(...current);
    previous = current;
  });
  return all;
}

function yamlList(random: Random, items: string[]): string {
  const style = random.next();
  // Unquoted one-line forms are fine for these values: no item starts with a quote or contains a comma.
  if (style < 0.15) return ` [${items.join(', ')}]`;
  if (style < 0.25) return ` ${items.join(', ')}`;
  return `\n${items.map((item) => `  - ${JSON.stringify(item)}`).join('\n')}`;
}

function projectFile(random: Random, project: PlannedProject, lang: 'el' | 'en', neutralHere: boolean): string {
  const lines = ['---', `title: ${JSON.stringify(lang === 'el' ? project.titleEl : project.titleEn)}`];
  const classNames = project.classes.map((group) => spellClass(random, group));
  if (neutralHere) {
    lines.push(`classes:${yamlList(random, classNames)}`);
    lines.push(
      `partners:${yamlList(
        random,
        project.partners.map((country) => spellPartner(random, country, lang)),
      )}`,
    );
    if (project.continues) lines.push(`continues: ${JSON.stringify(project.continues)}`);
  }
  const countries = project.partners.length;
  if (random.chance(0.85)) {
    const summary =
      lang === 'el'
        ? project.classes.length > 1
          ? `Οι τάξεις ${classNames.join(', ')} ${project.continues ? 'συνεχίζουν το πρόγραμμα και ' : ''}συνεργάζονται με σχολεία από ${countries} χώρες.`
          : `Η τάξη ${classNames[0]} ${project.continues ? 'συνεχίζει το πρόγραμμα και ' : ''}συνεργάζεται με σχολεία από ${countries} χώρες.`
        : project.classes.length > 1
          ? `Classes ${classNames.join(', ')} ${project.continues ? 'continue the project and ' : ''}work with schools from ${countries} countries.`
          : `Class ${classNames[0]} ${project.continues ? 'continues the project and ' : ''}works with schools from ${countries} countries.`;
    lines.push(`summary: ${JSON.stringify(summary)}`);
  }
  lines.push('---', '');

  const words = lang === 'el' ? EL_WORDS : EN_WORDS;
  const title = lang === 'el' ? project.titleEl : project.titleEn;
  const names = project.partners.map((country) => (lang === 'el' ? country[1] : country[2]));
  const body: string[] = [
    lang === 'el'
      ? project.classes.length > 1
        ? `Οι τάξεις ${classNames.join(', ')} συμμετέχουν στο πρόγραμμα ${title} και συνεργάζονται με σχολεία από ${names.join(', ')}.`
        : `Η τάξη ${classNames[0]} συμμετέχει στο πρόγραμμα ${title} και συνεργάζεται με σχολεία από ${names.join(', ')}.`
      : project.classes.length > 1
        ? `Classes ${classNames.join(', ')} take part in the project ${title} and work with schools from ${names.join(', ')}.`
        : `Class ${classNames[0]} takes part in the project ${title} and works with schools from ${names.join(', ')}.`,
  ];
  let count = body[0]!.split(' ').length;
  const target = random.int(270, 330);
  let paragraphs = 0;
  while (count < target) {
    paragraphs++;
    if (paragraphs === 2 && random.chance(0.4)) {
      body.push(`## ${capitalise(random.pick(words))} ${random.pick(words)}`);
    }
    if (paragraphs === 3 && random.chance(0.3)) {
      const items = Array.from({ length: random.int(3, 5) }, () => `- ${capitalise(random.pick(words))} ${random.pick(words)} ${random.pick(words)}`);
      body.push(items.join('\n'));
      count += items.length * 3;
      continue;
    }
    if (paragraphs === 2 && project.photo) {
      body.push(
        lang === 'el' ? '![Οι μαθητές παρουσιάζουν την εργασία τους στην τάξη](photo-1.jpg)' : '![The pupils present their work in class](photo-1.jpg)',
      );
    }
    const { text, count: added } = paragraph(random, words, Math.min(target - count + 5, random.int(45, 80)));
    let p = text;
    if (random.chance(0.15)) p = p.replace(/ (\S+) /, ' **$1** ');
    if (random.chance(0.1)) p += lang === 'el' ? ' Δείτε το [TwinSpace](https://www.etwinning.net).' : ' See the [TwinSpace](https://www.etwinning.net).';
    body.push(p);
    count += added;
  }
  return `${lines.join('\n')}\n${body.join('\n\n')}\n`;
}

/**
 * A distinct JPEG for each photo (the build caches encoded photos by their
 * bytes, so copies of one image would be encoded once): soft colour bands
 * plus noise, which encoders find about as hard as a real photo.
 */
async function photoJpeg(seed: number): Promise<Buffer> {
  const random = mulberry32(seed);
  const pixels = Buffer.alloc(PHOTO_WIDTH * PHOTO_HEIGHT * 3);
  const base = [random() * 255, random() * 255, random() * 255];
  for (let y = 0; y < PHOTO_HEIGHT; y++) {
    for (let x = 0; x < PHOTO_WIDTH; x++) {
      const i = (y * PHOTO_WIDTH + x) * 3;
      const wave = Math.sin((x + y * 0.7) / 90 + base[0]!) * 60;
      for (let c = 0; c < 3; c++) pixels[i + c] = Math.max(0, Math.min(255, base[c]! + wave * (c + 1) * 0.5 + (random() - 0.5) * 40));
    }
  }
  return sharp(pixels, { raw: { width: PHOTO_WIDTH, height: PHOTO_HEIGHT, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

const SCHOOL = {
  el: { name: '14ο Δημοτικό Σχολείο Αχαρνών', words: EL_WORDS },
  en: { name: '14th Primary School of Acharnes', words: EN_WORDS },
} as const;

/** Writes the archive into `<root>/content`; `root` must not contain one yet. */
export async function generateArchive(root: string, total: number, seed = DEFAULT_SEED, photosEvery = DEFAULT_PHOTOS_EVERY): Promise<GeneratedArchive> {
  const random = new Random(seed);
  const contentDir = path.join(root, 'content');
  const planned = plan(total, random);
  if (photosEvery > 0) {
    for (const [i, project] of planned.entries()) project.photo = i % photosEvery === photosEvery - 1;
  }
  const files = new Map<string, string>();
  for (const lang of ['el', 'en'] as const) {
    const intro = [1, 2, 3].map(() => paragraph(random, SCHOOL[lang].words, 40).text).join('\n\n');
    files.set(`school.${lang}.md`, `---\nname: ${JSON.stringify(SCHOOL[lang].name)}\n---\n\n${intro}\n`);
  }
  for (const project of planned) {
    // Where the language-neutral fields are written: mostly the Greek file, sometimes both or only the English one.
    const where = random.next();
    const inEl = where < 0.85;
    const inEn = where >= 0.7;
    const dir = `${project.year}/${project.slug}`;
    files.set(`${dir}/index.el.md`, projectFile(random, project, 'el', inEl));
    files.set(`${dir}/index.en.md`, projectFile(random, project, 'en', inEn));
  }

  const dirs = new Set([...files.keys()].map((file) => path.dirname(path.join(contentDir, file))));
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  let bytes = 0;
  const entries = [...files];
  for (let i = 0; i < entries.length; i += 64) {
    await Promise.all(
      entries.slice(i, i + 64).map(([file, text]) => {
        bytes += Buffer.byteLength(text);
        return writeFile(path.join(contentDir, file), text);
      }),
    );
  }
  const withPhotos = planned.filter((p) => p.photo);
  for (const [i, project] of withPhotos.entries()) {
    const jpeg = await photoJpeg(seed * 7919 + i);
    bytes += jpeg.length;
    await writeFile(path.join(contentDir, project.year, project.slug, 'photo-1.jpg'), jpeg);
  }
  const years = [...new Set(planned.map((p) => p.year))];
  const newest = planned.filter((p) => p.year === years.at(-1))[0] ?? planned[0]!;
  return {
    contentDir,
    projects: planned.length,
    files: files.size,
    bytes,
    photos: withPhotos.length,
    years,
    sample: { year: newest.year, slug: newest.slug },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      projects: { type: 'string', default: '2000' },
      out: { type: 'string' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      'photos-every': { type: 'string', default: String(DEFAULT_PHOTOS_EVERY) },
    },
  });
  if (!values.out) {
    console.error('Usage: node --import tsx scripts/bench/generate.ts --out DIR [--projects N] [--seed S] [--photos-every K]');
    process.exit(2);
  }
  const result = await generateArchive(values.out, Number(values.projects), Number(values.seed), Number(values['photos-every']));
  console.log(
    `${result.projects} projects, ${result.files} Markdown files, ${result.photos} photos, ${(result.bytes / 1e6).toFixed(1)} MB in ${result.contentDir}`,
  );
}
