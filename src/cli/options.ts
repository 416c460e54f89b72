import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';
import type { BuildOptions } from '../build/build-site.ts';
import { DEFAULT_LANG } from '../i18n/languages.ts';
import { abandonWorkingFolders, diskTroubleMessage, OutputFolderError } from '../build/output-folder.ts';

/** A wrong command line: the message says what to type instead; the command exits with 2. */
export class UsageError extends Error {}

/** `--help`: the command's usage is printed, and it exits with 0. */
export class HelpAsked extends Error {}

/**
 * The exit codes fixed by the design: 0 success, 1 mistakes in the content
 * (or a problem in the program itself), 2 a wrong command line, so CI can tell
 * a teacher's mistake from its own.
 */
export const EXIT = { ok: 0, contentErrors: 1, usage: 2 } as const;

/**
 * A command's `--name value` options and its `--switch` flags; anything else is
 * a UsageError that says what to type.
 */
export function parseOptions<Name extends string, Flag extends string = never>(
  args: string[],
  allowed: readonly Name[],
  flags: readonly Flag[] = [],
): Partial<Record<Name, string>> & Partial<Record<Flag, boolean>> {
  if (args.includes('--help') || args.includes('-h')) throw new HelpAsked();
  // parseArgs keeps the last of an option given twice: which one was meant cannot be told.
  for (const name of [...allowed, ...flags]) {
    if (args.filter((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`)).length > 1) throw new UsageError(`--${name} is given twice: give it once.`);
  }
  let values: Partial<Record<Name, string>> & Partial<Record<Flag, boolean>>;
  try {
    const options = Object.fromEntries([
      ...allowed.map((name) => [name, { type: 'string' as const }]),
      ...flags.map((name) => [name, { type: 'boolean' as const }]),
    ]);
    values = parseArgs({ args, options, strict: true, allowPositionals: false }).values as Partial<Record<Name, string>> & Partial<Record<Flag, boolean>>;
  } catch (error) {
    throw new UsageError(usageMistake(error as NodeJS.ErrnoException, args, allowed, flags));
  }
  // `--output=` or `--output ""` names no folder: it would mean the current one.
  const empty = allowed.find((name) => FOLDER_OPTIONS.has(name) && typeof values[name] === 'string' && (values[name] as string).trim() === '');
  if (empty !== undefined) throw new UsageError(needsValue(`--${empty}`));
  // The shell expands a leading ~ only where a word starts (not after --output=): here it would be a folder named "~".
  const tilde = allowed.find((name) => FOLDER_OPTIONS.has(name) && typeof values[name] === 'string' && (values[name] as string).startsWith('~'));
  if (tilde !== undefined) {
    throw new UsageError(
      `--${tilde} ${values[tilde]}: a path that starts with ~ is not your home folder here; write the whole path, e.g. --${tilde} ${path.join(os.homedir(), 'site')}.`,
    );
  }
  return values;
}

/** Options whose value is a folder, which cannot be empty. */
const FOLDER_OPTIONS: ReadonlySet<string> = new Set(['content', 'output']);

/** A value to show for the options that several commands take. */
const EXAMPLES: Readonly<Record<string, string>> = {
  '--content': 'content',
  '--output': '_site',
  '--path-prefix': '/etwinning/',
  '--lang': DEFAULT_LANG,
  '--port': '8080',
  '--year': '2015-2016',
};

/** "--output needs a value after it, e.g. --output _site."; without an example for options that have none (a title). */
function needsValue(option: string): string {
  const example = EXAMPLES[option] === undefined ? '' : `, e.g. ${option} ${EXAMPLES[option]}`;
  return `${option} needs a value after it${example}. (A value that starts with "-" is written ${option}=-value.)`;
}

/** `--content DIR`, which must be an existing folder. */
export function contentFolder(given: string | undefined): string {
  const contentDir = given ?? 'content';
  if (!existsSync(contentDir)) throw new UsageError(`The content folder "${contentDir}" does not exist.`);
  if (!statSync(contentDir).isDirectory())
    throw new UsageError(`"${contentDir}" is a file, not a content folder: give the folder that holds the school's files and the school years.`);
  return contentDir;
}

/** The build's command line, fixed by the design: `--content DIR`, `--output DIR` and `--path-prefix /PREFIX/`, all optional. */
export function parseBuildOptions(args: string[], allowed: readonly ('content' | 'output' | 'path-prefix')[]): BuildOptions {
  const values = parseOptions(args, allowed);
  return {
    contentDir: contentFolder(values.content),
    outputDir: values.output ?? '_site',
    pathPrefix: normalisePathPrefix(values['path-prefix'] ?? '/'),
  };
}

/** parseArgs's own wording, turned into what to type instead. */
function usageMistake(error: NodeJS.ErrnoException, args: string[], allowed: readonly string[], flags: readonly string[]): string {
  const options = [...allowed, ...flags].map((name) => `--${name}`);
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const given = args.find((arg) => arg.startsWith('-') && !options.includes(arg.split('=')[0]!))?.split('=')[0] ?? '';
    const nearest = closest(given, options);
    const didYouMean = distance(given, nearest) <= 2 ? ` Did you mean ${nearest}?` : '';
    return `Unknown option "${given}".${didYouMean} The options are: ${options.join(', ')}.`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // A switch written with a value (`--json=yes`): parseArgs says it "does not take an argument".
    const flag = flags.find((name) => error.message.includes(`'--${name}'`));
    if (flag !== undefined) return `--${flag} takes no value: write --${flag} alone.`;
    // parseArgs names the option as '--output' (a value that looks like an option) or '--output <value>' (no value at all).
    const given = options.find((option) => error.message.includes(`'${option}'`) || error.message.includes(`'${option} `));
    return given ? needsValue(given) : error.message;
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const given = args.find((arg) => !arg.startsWith('-')) ?? '';
    return options.length === 0
      ? `"${given}": this command takes no options.`
      : `"${given}" is not an option: the options are ${options.join(', ')}, each written with its name.`;
  }
  return error.message;
}

/**
 * `SITE_URL`, the site's origin for the feeds and the sitemap, when it is set:
 * a web address with https:// or http:// and a host (`https://school.github.io`);
 * anything else would write addresses no reader can follow, so it is refused.
 */
export function checkSiteUrl(env: NodeJS.ProcessEnv = process.env): void {
  const given = env.SITE_URL;
  if (given === undefined || given === '') return;
  let url: URL | undefined;
  try {
    url = new URL(given);
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.search === '' && url.hash === '') return;
  throw new UsageError(`SITE_URL="${given}" is not a site's address: write it with https:// and the host, e.g. SITE_URL=https://school.github.io`);
}

/**
 * `etwinning`, `/etwinning` and `/etwinning/` all mean the site lives under /etwinning/.
 * A prefix is a path on the web server: `.` and `..` in it would lead out of the site, so they are refused.
 */
export function normalisePathPrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, '');
  const parts = trimmed.split('/');
  if (!/^[A-Za-z0-9._~/-]*$/.test(trimmed) || (trimmed !== '' && parts.some((part) => part === '' || part === '.' || part === '..'))) {
    throw new UsageError(
      `"${prefix}" cannot be a path prefix: use letters, digits, "-", "_", "." and "/", without "..", "." or "//" as a part, e.g. /etwinning/.`,
    );
  }
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * Runs a command's main function with the exit codes above. No error shows a
 * stack trace: a usage error says what to type, a refused output folder why;
 * anything else is the program's own fault, said so in one paragraph (the
 * stack is printed when DEBUG is set, for whoever fixes it). That holds also
 * for an error no promise was waiting for (a library failing on a full disk),
 * which removes this command's half-built site before it stops, and for work
 * that stopped without an answer (a helper process that died).
 */
export async function runCommand(usage: string, main: () => Promise<number>): Promise<void> {
  watchForFatalErrors();
  unfinished++;
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof HelpAsked) {
      console.log(`Usage: ${usage}`);
      process.exitCode = EXIT.ok;
    } else if (error instanceof UsageError) {
      console.error(`${error.message}\n\nUsage: ${usage}`);
      process.exitCode = EXIT.usage;
    } else if (error instanceof OutputFolderError) {
      console.error(error.message);
      process.exitCode = EXIT.usage;
    } else {
      abandonWorkingFolders();
      console.error(unexpected(error));
      process.exitCode = EXIT.contentErrors;
    }
  } finally {
    unfinished--;
  }
}

/** Commands that have started and not finished (one in a command's process). */
let unfinished = 0;
let watching = false;

/** Once per process: what no command is left to catch stops the process with one paragraph and exit 1. */
function watchForFatalErrors(): void {
  if (watching) return;
  watching = true;
  const fatal = (error: unknown) => {
    abandonWorkingFolders();
    // A library that failed on what the file system said (Eleventy copying on a full disk): said as the output folder's problems are.
    const disk = diskTroubleMessage(error);
    if (disk) {
      console.error(disk);
      process.exit(EXIT.usage);
    }
    console.error(unexpected(error));
    process.exit(EXIT.contentErrors);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  // Stopped by Ctrl+C, a closed terminal or a container stopped, while a command works: its half-built site goes, and
  // its output folder's lock with the process's exit. A command that has done its work and stays (npm start) stops its own way.
  for (const [signal, number] of [
    ['SIGINT', 2],
    ['SIGTERM', 15],
    ['SIGHUP', 1],
  ] as const) {
    process.on(signal, () => {
      if (unfinished === 0 && process.listenerCount(signal) > 1) return;
      abandonWorkingFolders();
      process.exit(128 + number);
    });
  }
  // The event loop ran dry while a command still waited: a promise that will never settle.
  process.on('beforeExit', () => {
    if (unfinished > 0) fatal(new Error('a part of the work stopped without finishing it (a helper process may have ended)'));
  });
}

/** The paragraph that says the program, not the content, went wrong. */
function unexpected(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    `The command stopped on an unexpected problem: ${message}\n` +
    "This is not a mistake in your content. Please report it to the archive's maintainers with this message" +
    (process.env.DEBUG ? `:\n${(error as Error)?.stack ?? ''}` : ' (run it again with DEBUG=1 for the details).')
  );
}
/**
 * parseOptions for a command that also takes arguments without a name, such
 * as the page of `npm run import -- PAGE`: the options, and the other
 * arguments in their order. `examples` gives a value to show when an
 * option is written without one.
 */
export function parseArguments<Name extends string, Flag extends string = never>(
  args: string[],
  allowed: readonly Name[],
  flags: readonly Flag[] = [],
  examples: Partial<Record<Name, string>> = {},
): { options: Partial<Record<Name, string>> & Partial<Record<Flag, boolean>>; positionals: string[] } {
  if (args.includes('--help') || args.includes('-h')) throw new HelpAsked();
  try {
    const options = Object.fromEntries([
      ...allowed.map((name) => [name, { type: 'string' as const }]),
      ...flags.map((name) => [name, { type: 'boolean' as const }]),
    ]);
    const parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
    return { options: parsed.values as Partial<Record<Name, string>> & Partial<Record<Flag, boolean>>, positionals: parsed.positionals };
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const option = allowed.find((name) => new RegExp(`'--${name}[ ']`).test(message));
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined && examples[option] !== undefined) {
      throw new UsageError(`--${option} needs a value after it, e.g. --${option} ${examples[option]}.`);
    }
    throw new UsageError(usageMistake(error as NodeJS.ErrnoException, args, allowed, flags));
  }
}
