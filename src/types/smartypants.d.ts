// The smartypants package ships no type declarations; this is the one function Commonroom uses.
declare module 'smartypants' {
  /** SmartyPants with Unicode characters out instead of HTML entities; `attributes` picks the rules (e.g. `'qDe'`). */
  export function smartypantsu(text: string, attributes?: string | number): string;
}
