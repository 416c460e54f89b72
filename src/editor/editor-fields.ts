import { z } from 'zod';
import { countryName } from '../content/normalise/countries.ts';
import { classGroupCode, GRADES } from '../content/normalise/grades.ts';
import { LANGUAGE_NEUTRAL_FIELDS, projectFrontMatter, REQUIRED_NEUTRAL_FIELDS, schoolFrontMatter, type SchoolFrontMatter } from '../content/schema.ts';
import { translate } from '../i18n/i18n.ts';
import { languageName } from '../i18n/intl.ts';
import { DEFAULT_LANG, LANGUAGES, type Lang } from '../i18n/languages.ts';

/**
 * The web editor's fields, made from the same zod schemas that check the
 * content, through zod's JSON Schema of them: every front matter field is an
 * editor field with nothing added, a list is a list, a pattern is a pattern,
 * optional is optional. The texts beside each field are the locale files'
 * `editor.fields.<field>`, in the editor's language (the archive's first):
 * a field without its text fails the editor's test.
 */

/** The Markdown text below the front matter: Decap's `body` field, not a front matter field. */
export const BODY_FIELD = 'body';

/** School file fields that describe the school rather than one language version (load.ts takes `email` from either file). */
export const SCHOOL_LANGUAGE_NEUTRAL_FIELDS = ['email'] as const satisfies readonly (keyof SchoolFrontMatter)[];

/** A field of Decap's configuration (the part this archive uses). */
export interface EditorField {
  name: string;
  label: string;
  widget: 'string' | 'list' | 'select' | 'markdown';
  required: boolean;
  hint?: string;
  /** For a `select`: the values the schema allows, each with its name in the editor's language. */
  options?: { label: string; value: string }[];
  /** For a `select` of a list: any number of its options. */
  multiple?: boolean;
  /** For a `list` of objects: the fields of each item, as Decap's `fields`. */
  fields?: EditorField[];
  /** For a `list` of objects: what one item is called ("Add …"), and how an item is summed up when folded. */
  label_singular?: string;
  summary?: string;
  /**
   * `true`: each language file has its own value; `false`: a language-neutral
   * field, edited once in the default language's column and written into its
   * file only (Decap's `none`; the list widget accepts only a boolean here).
   */
  i18n?: boolean;
  /** Decap's `pattern`: a regular expression and the message shown when the value does not match it. */
  pattern?: [string, string];
  /** For the Markdown body. */
  modes?: string[];
  sanitize_preview?: boolean;
}

/** The part of a JSON Schema property this reads. */
interface JsonProperty {
  type?: string;
  pattern?: string;
  enum?: string[];
  items?: JsonProperty;
  properties?: Record<string, JsonProperty>;
  required?: string[];
}

/** A text of the editor, in its language. */
export const editorText = (key: string, values?: Record<string, unknown>, lang: Lang = DEFAULT_LANG) => translate(lang, `editor.${key}`, values);

/** Countries the partners hint gives as examples: the first three in the first language, two more in each other. */
const EXAMPLE_COUNTRIES = ['GR', 'LV', 'IT', 'PL', 'ES', 'FR', 'DE', 'PT', 'RO', 'SE', 'FI'];

/** "in Greek (Ελλάδα, Λετονία, Ιταλία), in English (Poland, Spain)": country names in every language, said in `lang`. */
function countriesInEveryLanguage(lang: Lang): string {
  return LANGUAGES.map((language, index) => {
    const codes = index === 0 ? EXAMPLE_COUNTRIES.slice(0, 3) : [1, 2].map((n) => EXAMPLE_COUNTRIES[(2 * index + n) % EXAMPLE_COUNTRIES.length]!);
    const countries = codes.map((code) => countryName(code, language)).join(', ');
    return editorText('fields.partners.inLanguage', { language: languageName(language, lang), countries }, lang);
  }).join(', ');
}

/** Examples in the hints, made from the archive's own grades and country names. */
function hintValues(lang: Lang): Record<string, string> {
  return {
    grades: GRADES.map((grade) => classGroupCode({ grade })).join(', '),
    sections: [classGroupCode({ grade: 5, section: 1 }), classGroupCode({ grade: 6, section: 2 })].join(', '),
    countries: countriesInEveryLanguage(lang),
  };
}

/**
 * One Decap field per schema field: a list of the schema's own values (the
 * Quality Labels) becomes Decap's `select` of several; a list of objects
 * (`outcomes`) Decap's `list` with a field per property; any other list a
 * `list` typed as "Δ2, Ε1", which the check reads like any other list;
 * anything else a one-line `string` with the schema's pattern, if any. A field
 * the schema does not require is `required: false`, unless it is a neutral
 * field the content must have in one of its files (it is written once, here).
 */
function fieldsFrom(schema: z.ZodType, neutral: readonly string[], requiredNeutral: readonly string[]): EditorField[] {
  const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as { properties: Record<string, JsonProperty>; required?: string[] };
  const values = hintValues(DEFAULT_LANG);
  return Object.entries(json.properties).map(([name, property]) =>
    editorField(`fields.${name}`, name, property, {
      required: (json.required ?? []).includes(name) || requiredNeutral.includes(name),
      i18n: !neutral.includes(name),
      values,
    }),
  );
}

/** One field, its texts at `texts` in the locale files' `editor` section. */
function editorField(
  texts: string,
  name: string,
  property: JsonProperty,
  how: { required: boolean; i18n: boolean; values: Record<string, string> },
): EditorField {
  const field: EditorField = {
    name,
    label: editorText(`${texts}.label`),
    widget: 'string',
    required: how.required,
    hint: editorText(`${texts}.hint`, how.values),
    i18n: how.i18n,
  };
  const items = property.type === 'array' ? property.items : undefined;
  if (items?.enum) {
    // Decap writes the chosen values as a YAML list, in the options' order.
    field.widget = 'select';
    field.multiple = true;
    field.options = items.enum.map((value) => ({ label: editorText(`${texts}.options.${value}`), value }));
  } else if (items?.type === 'object' && items.properties) {
    field.widget = 'list';
    field.label_singular = editorText(`${texts}.labelSingular`);
    // Each item's fields belong to the list's language column: Decap hides a nested field without i18n there.
    field.fields = Object.entries(items.properties).map(([key, sub]) =>
      editorField(`${texts}.fields.${key}`, key, sub, { required: (items.required ?? []).includes(key), i18n: how.i18n, values: how.values }),
    );
    const [first] = field.fields;
    if (first) field.summary = `{{fields.${first.name}}}`;
  } else if (property.type === 'array') {
    field.widget = 'list';
  } else if (property.pattern !== undefined) {
    field.pattern = [property.pattern, editorText(`${texts}.pattern`)];
  }
  return field;
}

function bodyField(texts: 'body' | 'intro'): EditorField {
  return {
    name: BODY_FIELD,
    label: editorText(`fields.${texts}.label`),
    widget: 'markdown',
    required: false,
    hint: editorText(`fields.${texts}.hint`),
    i18n: true,
    modes: ['rich_text', 'raw'],
    sanitize_preview: true,
  };
}

export function projectFields(): EditorField[] {
  return [...fieldsFrom(projectFrontMatter, LANGUAGE_NEUTRAL_FIELDS, REQUIRED_NEUTRAL_FIELDS), bodyField('body')];
}

export function schoolFields(): EditorField[] {
  return [...fieldsFrom(schoolFrontMatter, SCHOOL_LANGUAGE_NEUTRAL_FIELDS, []), bodyField('intro')];
}
