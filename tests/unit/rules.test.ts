import { describe, expect, it } from 'vitest';
import { extractRules } from '../../src/lib/rules.ts';

describe('extractRules', () => {
  it('takes each item of the first numbered list as a rule, with its bold lead as title', () => {
    const rules = extractRules(
      'Intro with a list:\n\n- not a rule\n\n1. **Start small.** Then grow.\n2. **Ask twice:** people forget.\n3. Keep going. It pays off.\n\nAfter.\n\n1. Not a rule either',
    );
    expect(rules).toEqual([
      { number: 1, anchor: 'rule-1', title: 'Start small', text: 'Then grow.' },
      { number: 2, anchor: 'rule-2', title: 'Ask twice', text: 'people forget.' },
      { number: 3, anchor: 'rule-3', title: 'Keep going', text: 'It pays off.' },
    ]);
  });
  it('honours a list that starts at another number', () => {
    expect(extractRules('4. **Four.**\n5. **Five.**').map((r) => r.anchor)).toEqual(['rule-4', 'rule-5']);
  });
  it('finds no rules in a post without a numbered list', () => {
    expect(extractRules('Just prose.\n\n- a bullet')).toEqual([]);
  });
});
