/**
 * Asks the questions a command needs: a flag answers a question without asking it, a terminal or piped input
 * answers the rest one line each, and an answer that cannot be used is explained and asked again.
 */
import { createInterface, type Interface } from 'node:readline';
import type { Answers, Question } from './questions.ts';

export interface AskOptions {
  /** Flag values by key (`school-name` for `--school-name`). */
  flags: Record<string, string | undefined>;
  /** Never read input: take each question's default, and stop at a question that has none. */
  noInput: boolean;
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
  /** How to tell someone to run the command again, e.g. `npm run setup`. */
  command: string;
}

/** A question nobody answered: the message names the flag to pass. */
export class NoAnswer extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoAnswer';
  }
}

/** Reads input one line at a time; `undefined` once the input has ended. */
class Lines {
  private readonly queue: string[] = [];
  private readonly waiting: ((line: string | undefined) => void)[] = [];
  private ended = false;
  /** Ctrl+C in a terminal: stop without writing anything. */
  stopped = false;
  readonly reader: Interface;

  constructor(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, terminal: boolean) {
    this.reader = createInterface({ input, output, terminal });
    this.reader.on('line', (line) => {
      const next = this.waiting.shift();
      if (next) next(line);
      else this.queue.push(line);
    });
    this.reader.on('SIGINT', () => {
      output.write('\n');
      this.stopped = true;
      this.reader.close();
    });
    this.reader.on('close', () => {
      this.ended = true;
      for (const next of this.waiting.splice(0)) next(undefined);
    });
  }

  next(): Promise<string | undefined> {
    if (this.queue.length > 0) return Promise.resolve(this.queue.shift());
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

const sentence = (reason: string) => `${reason.charAt(0).toUpperCase()}${reason.slice(1)}`;

/** Asks every question that applies, in order, and returns the answers by key. */
export async function ask(questions: readonly Question[], options: AskOptions): Promise<Answers> {
  const answers: Answers = {};
  const out = (line: string) => options.output.write(`${line}\n`);
  const terminal = Boolean(options.input.isTTY);
  let lines: Lines | undefined;
  try {
    for (const question of questions) {
      if (question.when && !question.when(answers)) continue;
      const flag = options.flags[question.key];
      if (flag !== undefined) {
        const parsed = question.parse(flag, answers);
        if (parsed.ok) {
          answers[question.key] = parsed.value;
          continue;
        }
        out(`--${question.key} "${flag}": ${parsed.reason}.`);
        if (options.noInput) throw new NoAnswer(`Fix --${question.key} and run ${options.command} again.`);
      }
      const fallback = question.fallback?.(answers);
      if (options.noInput) {
        if (fallback !== undefined) answers[question.key] = mustParse(question, fallback, answers);
        else if (!question.optional) {
          throw new NoAnswer(`"${question.prompt}" has no answer: pass --${question.key} "…".`);
        }
        continue;
      }
      lines ??= new Lines(options.input, options.output, terminal);
      for (;;) {
        out('');
        out(question.prompt);
        if (question.choices) {
          out(question.choices.map((choice, i) => `  ${i + 1}  ${choice.label}`).join('\n'));
        }
        // A long suggestion reads better on its own line than squeezed into the prompt.
        const long = fallback !== undefined && fallback.length > 40;
        if (long) out(`  Suggested: ${fallback}`);
        const hint = [
          question.example ? `e.g. ${question.example}` : '',
          fallback === undefined ? '' : long ? 'Enter to use the suggestion' : `Enter for ${fallback}`,
        ]
          .filter(Boolean)
          .join('; ');
        const prompt = `${hint ? `(${hint}) ` : ''}> `;
        if (terminal) {
          lines.reader.setPrompt(prompt);
          lines.reader.prompt();
        } else options.output.write(prompt);
        const line = await lines.next();
        if (!terminal) options.output.write(`${line ?? ''}\n`);
        if (lines.stopped) throw new NoAnswer('Stopped: nothing was changed.');
        if (line === undefined) {
          if (fallback !== undefined) {
            answers[question.key] = mustParse(question, fallback, answers);
            break;
          }
          if (question.optional) break;
          throw new NoAnswer(
            `No answer to "${question.prompt}": run ${options.command} in a terminal, or pass --${question.key} "…".`,
          );
        }
        const text = line.trim();
        if (text === '' && fallback !== undefined) {
          answers[question.key] = mustParse(question, fallback, answers);
          break;
        }
        if (text === '' && question.optional) break;
        const parsed = question.parse(text, answers);
        if (parsed.ok) {
          answers[question.key] = parsed.value;
          break;
        }
        out(`  ${sentence(parsed.reason)}. Please try again.`);
      }
    }
  } finally {
    lines?.reader.close();
  }
  return answers;
}

function mustParse(question: Question, text: string, answers: Answers): unknown {
  const parsed = question.parse(text, answers);
  if (!parsed.ok) throw new NoAnswer(`--${question.key}: the default "${text}" ${parsed.reason}; pass your own.`);
  return parsed.value;
}
