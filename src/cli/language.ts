import { isLang, LANGUAGES, type Lang, MESSAGE_LANG } from '../i18n/languages.ts';
import { UsageError } from './options.ts';

/**
 * The language a command talks in: `--lang`, or else the terminal's locale
 * (LC_ALL, LC_MESSAGES, LANG: "el_GR.UTF-8" means Greek), or else English,
 * which every teacher's computer can show.
 */
export function commandLanguage(given: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (given !== undefined) {
    if (isLang(given)) return given;
    throw new UsageError(`--lang must be one of: ${LANGUAGES.join(', ')}.`);
  }
  const locale = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  const fromLocale = LANGUAGES.find((lang) => locale.startsWith(lang));
  return fromLocale ?? MESSAGE_LANG;
}
