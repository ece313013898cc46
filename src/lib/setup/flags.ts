import { parseArgs } from 'node:util';

export interface Flags {
  /** Answers given as flags, by question key. */
  answers: Record<string, string | undefined>;
  /** `--content DIR`, `--id ID`… */
  strings: Record<string, string | undefined>;
  /** `--force`, `--yes`… */
  switches: Record<string, boolean>;
  positionals: string[];
}

/**
 * Reads a command's flags: one string flag per question, plus the command's own strings and switches.
 * Throws with Node's message (naming the unknown flag) when a flag is not one of them.
 */
export function readFlags(
  args: string[],
  keys: readonly string[],
  strings: readonly string[],
  switches: Record<string, string | undefined>,
): Flags {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const key of [...keys, ...strings]) options[key] = { type: 'string' };
  for (const [key, short] of Object.entries(switches)) options[key] = { type: 'boolean', ...(short ? { short } : {}) };
  const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: true });
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  return {
    answers: Object.fromEntries(keys.map((key) => [key, text(key)])),
    strings: Object.fromEntries(strings.map((key) => [key, text(key)])),
    switches: Object.fromEntries(Object.keys(switches).map((key) => [key, values[key] === true])),
    positionals,
  };
}
