/**
 * File and folder names that a fork of the archive must be able to check out
 * on every computer a teacher uses. Linux, where the site is built, holds
 * names that Windows and macOS cannot: git clones the archive there with a
 * file missing or overwritten, or not at all. So the check refuses them.
 */

/**
 * Names Windows keeps for its devices: `con`, `prn`, `aux`, `nul`, `com1`–`com9`,
 * `lpt1`–`lpt9`, in any case, and also with an extension (`nul.jpg`,
 * `Con.tar.gz`): Windows reads the part before the first dot, and ignores
 * spaces at its end.
 */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/** The device name a file or folder name stands for on Windows (`NUL` for `nul.jpg`), or undefined. */
export function windowsDeviceName(name: string): string | undefined {
  const stem = name.split('.')[0]!.trimEnd();
  return WINDOWS_DEVICE.test(stem) ? stem.toUpperCase() : undefined;
}

/**
 * The same name with `suffix` added before its extension (`nul.jpg` → `nul-1.jpg`),
 * which is no longer a device name.
 */
export function renamedDeviceName(name: string, suffix = '-1'): string {
  const dot = name.indexOf('.');
  return dot < 0 ? `${name}${suffix}` : `${name.slice(0, dot)}${suffix}${name.slice(dot)}`;
}

/**
 * Names in one folder that Windows and macOS, which do not tell small letters
 * from capitals (nor a letter with its accent apart from the accented letter),
 * see as one: `Photo.jpg` and `photo.jpg`. Each pair is the first name with a
 * later one. `names` are paths relative to one folder, compared whole: a pair
 * may differ in a folder's name (`photos/a.jpg`, `Photos/a.jpg`), which the
 * caller reports as that folder's clash.
 */
export function namesDifferingInCase(names: readonly string[]): [first: string, other: string][] {
  const seen = new Map<string, string>();
  const pairs: [string, string][] = [];
  for (const name of names) {
    const key = name.normalize('NFC').toLowerCase();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, name);
    else pairs.push([first, name]);
  }
  return pairs;
}
