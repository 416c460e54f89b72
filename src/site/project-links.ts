import type { Project } from '../content/model.ts';
import { PLATFORM_HOST, platformAddressIn } from '../content/normalise/web-address.ts';
import { textLang } from '../present/text-lang.ts';
import { translate } from '../i18n/i18n.ts';
import { LANGUAGES, type Lang } from '../i18n/languages.ts';

/**
 * The links of a project page that lead to other sites: the project's page on
 * the European School Education Platform (`link`) and what its pupils made
 * (`outcomes`). Each is a plain link whose text says what it is, with the host
 * it leads to beside it, so a visitor knows where they are going before they
 * follow it. Nothing of those sites is embedded or loaded by the page.
 */
export interface ExternalLink {
  url: string;
  /** The link's text. */
  text: string;
  /** The text's language when it is not the page's (a Greek title on an English page). */
  textLang?: Lang;
  /** The host it leads to: `school-education.ec.europa.eu`. */
  host: string;
}

export interface ProjectLinks {
  platform?: ExternalLink;
  outcomes: ExternalLink[];
}

/** The host an address leads to, as the address bar shows it (an international domain name in its `xn--` form, which cannot pass for another). */
function hostOf(address: string): string {
  return new URL(address).hostname;
}

/**
 * A project's links on its page in `lang`. The link's text names the platform
 * only when the address is the platform's, and leads to the platform's page
 * in the page's language; a project from before the platform (a TwinSpace on
 * twinspace.etwinning.net, a blog) links to "the project's own page".
 * Outcomes are the page language's own, or, until that file lists some, those
 * of the first language that does, each title marked with its language, as an
 * untranslated text is.
 */
export function projectLinks(project: Project, lang: Lang): ProjectLinks {
  const links: ProjectLinks = { outcomes: [] };
  if (project.link) {
    const host = hostOf(project.link);
    const onPlatform = host === PLATFORM_HOST;
    const url = onPlatform ? platformAddressIn(project.link, lang) : project.link;
    links.platform = { url, text: translate(lang, onPlatform ? 'outcomes.platform' : 'outcomes.page'), host };
  }
  const own = project.versions[lang]?.outcomes ?? [];
  const outcomes = own.length > 0 ? own : (LANGUAGES.map((other) => project.versions[other]?.outcomes ?? []).find((list) => list.length > 0) ?? []);
  links.outcomes = outcomes.map(({ title, url }) => {
    const titleLang = textLang(title, lang);
    return { url, text: title, ...(titleLang ? { textLang: titleLang } : {}), host: hostOf(url) };
  });
  return links;
}
