import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';

/**
 * The command line fixed by the design: `--content DIR`, `--output DIR` and
 * `--path-prefix /PREFIX/`, all optional. A wrong command line exits with 2,
 * so CI can tell it apart from mistakes in the content (1).
 */
export interface BuildOptions {
  contentDir: string;
  outputDir: string;
  /** Always starts and ends with "/". */
  pathPrefix: string;
}

export class UsageError extends Error {}

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
  try {
    const options = Object.fromEntries([
      ...allowed.map((name) => [name, { type: 'string' as const }]),
      ...flags.map((name) => [name, { type: 'boolean' as const }]),
    ]);
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Partial<Record<Name, string>> &
      Partial<Record<Flag, boolean>>;
  } catch (error) {
    throw new UsageError(usageMistake(error as NodeJS.ErrnoException, args, [...allowed, ...flags]));
  }
}

/** `--content DIR`, which must be an existing folder. */
export function contentFolder(given: string | undefined): string {
  const contentDir = given ?? 'content';
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    throw new UsageError(`The content folder "${contentDir}" does not exist.`);
  }
  return contentDir;
}

export function parseBuildOptions(args: string[], allowed: readonly ('content' | 'output' | 'path-prefix')[]): BuildOptions {
  const values = parseOptions(args, allowed);
  return {
    contentDir: contentFolder(values.content),
    outputDir: values.output ?? '_site',
    pathPrefix: normalisePathPrefix(values['path-prefix'] ?? '/'),
  };
}

/** parseArgs's own wording, turned into what to type instead. */
function usageMistake(error: NodeJS.ErrnoException, args: string[], allowed: readonly string[]): string {
  const options = allowed.map((name) => `--${name}`);
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const given = args.find((arg) => arg.startsWith('-') && !options.includes(arg.split('=')[0]!))?.split('=')[0] ?? '';
    const nearest = closest(given, options);
    const didYouMean = distance(given, nearest) <= 2 ? ` Did you mean ${nearest}?` : '';
    return `Unknown option "${given}".${didYouMean} The options are: ${options.join(', ')}.`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const given = options.find((option) => error.message.includes(`'${option} `)) ?? 'This option';
    return `${given} needs a value after it, e.g. ${given} ${given === '--path-prefix' ? '/etwinning/' : given === '--output' ? '_site' : 'content'}.`;
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return `Options are written with their name, e.g. --content ${args.find((arg) => !arg.startsWith('-')) ?? 'DIR'}.`;
  }
  return error.message;
}

/** `etwinning`, `/etwinning` and `/etwinning/` all mean the site lives under /etwinning/. */
export function normalisePathPrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, '');
  if (!/^[A-Za-z0-9._~\/-]*$/.test(trimmed)) {
    throw new UsageError(`"${prefix}" cannot be a path prefix: use letters, digits, "-", "_", "." and "/", e.g. /etwinning/.`);
  }
  return trimmed ? `/${trimmed}/` : '/';
}

/** Runs a command's main function with the exit codes above and no stack trace for a usage error. */
export async function runCommand(usage: string, main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\nUsage: ${usage}`);
    process.exitCode = EXIT.usage;
  }
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
    throw new UsageError(usageMistake(error as NodeJS.ErrnoException, args, [...allowed, ...flags]));
  }
}
