import { extractRules, type Rule } from '../rules.ts';
import { bodyProblems, type BodyProblem } from './body.ts';
import { parseBody, type BodyReference } from './markdown.ts';
import { mdxImports, mdxProseProblems, type MdxImport } from './mdx.ts';

/** What the check keeps of a post body's parse: everything it reports on, without the tree. */
export type BodyFacts =
  | { ok: true; references: BodyReference[]; rules: Rule[]; problems: BodyProblem[]; imports: MdxImport[] }
  | { ok: false; line?: number; column?: number; message: string; problems: BodyProblem[] };

/** How a body is read: as MDX or Markdown, and whether its numbered rules are wanted (rules-of-thumb posts). */
export interface FactsOptions {
  mdx: boolean;
  rules: boolean;
}

/**
 * Parses one post body into its facts: `blanked` is the whole file with its front matter blanked (so
 * positions are file positions), `body` the text after the front matter.
 */
export async function bodyFacts(blanked: string, body: string, { mdx, rules }: FactsOptions): Promise<BodyFacts> {
  const result = await parseBody(blanked, mdx);
  return result.ok
    ? {
        ok: true,
        references: result.references,
        rules: rules ? extractRules(body) : [],
        problems: bodyProblems(result.tree, blanked, { mdx, rules }),
        imports: mdx ? mdxImports(result.tree) : [],
      }
    : { ...result, problems: mdx ? mdxProseProblems(blanked) : [] };
}
