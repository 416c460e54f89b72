import { translate } from '../i18n/i18n.ts';
import { type Lang, MESSAGE_LANG } from '../i18n/languages.ts';

/**
 * The language of the messages about the content. One command run talks in one
 * language (`npm run check -- --lang el`), so it is set once, at the start;
 * English by default, which CI logs and every teacher's terminal can show.
 */
let messageLanguage: Lang = MESSAGE_LANG;

export function useMessageLanguage(lang: Lang): void {
  messageLanguage = lang;
}

export function currentMessageLanguage(): Lang {
  return messageLanguage;
}

/** A message from the locale files' `messages` section, in the current message language. */
export function say(key: string, values: Record<string, unknown> = {}): string {
  return translate(messageLanguage, `messages.${key}`, values);
}
