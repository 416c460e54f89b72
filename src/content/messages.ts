import { translate } from '../i18n/i18n.ts';
import { formatDate, formatNumber, languageName } from '../i18n/intl.ts';
import type { Lang } from '../i18n/languages.ts';

/**
 * A message about the content, not said yet in any language: its key in the
 * locale files' `messages` section and its values. Problems carry their texts
 * this way, and whoever prints them says them in the reader's language
 * (`sayIn`): `npm run check -- --lang el` in Greek, the build's report in
 * English, from the same problems. Nothing that finds a mistake needs to know
 * who will read about it.
 */
export interface Message {
  readonly key: string;
  readonly values: Readonly<Record<string, MessageValue | undefined>>;
}

/**
 * A value in a message: a text or a number as it is (a number also picks the
 * plural form: `count`), another message (said in the same language), or
 * something each language writes its own way: a number with the language's
 * digit grouping (`{ number: 16383 }`: "16,383", "16.383"), a language's name
 * (`{ language: code }`), an ISO date (`{ date: '2026-11-26' }`), or values
 * joined by a separator (`{ list: [...], separator: say('or') }`).
 */
export type MessageValue =
  | string
  | number
  | Message
  | { readonly number: number }
  | { readonly language: string }
  | { readonly date: string }
  | { readonly list: readonly MessageValue[]; readonly separator: MessageValue };

/** The message `messages.<key>` of the locale files, with its values, to be said later in a reader's language. */
export function say(key: string, values: Readonly<Record<string, MessageValue | undefined>> = {}): Message {
  return { key, values };
}

/** A message in `lang`. */
export function sayIn(message: Message, lang: Lang): string {
  const values = Object.fromEntries(Object.entries(message.values).map(([name, value]) => [name, value === undefined ? value : valueIn(value, lang)]));
  return translate(lang, `messages.${message.key}`, values);
}

function valueIn(value: MessageValue, lang: Lang): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if ('key' in value) return sayIn(value, lang);
  if ('number' in value) return formatNumber(value.number, lang);
  if ('language' in value) return languageName(value.language, lang);
  if ('date' in value) return formatDate(value.date, lang);
  return value.list.map((item) => valueIn(item, lang)).join(String(valueIn(value.separator, lang)));
}
