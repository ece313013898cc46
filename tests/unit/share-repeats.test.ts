import { describe, expect, it } from 'vitest';
import { shareRepeats } from '../../src/lib/cms/share-repeats.ts';

const field = (name: string) => ({
  name,
  label: `The ${name} of the post`,
  widget: 'string',
  hint: 'A hint long enough that writing it once and pointing back to it is worth an anchor.',
});

describe('sharing what repeats in the editor’s configuration', () => {
  it('makes objects and arrays with the same content one instance, and changes no value', () => {
    const fields = () => [field('title'), field('description')];
    const data = {
      collections: [
        { name: 'oak--reflection', fields: fields() },
        { name: 'elm--reflection', fields: fields() },
        { name: 'ash--reflection', fields: [field('title'), { ...field('families'), options: ['river'] }] },
      ],
    };
    const shared = shareRepeats(data);
    expect(shared).toEqual(data);
    const [oak, elm, ash] = shared.collections;
    expect(elm!.fields).toBe(oak!.fields);
    // A list that differs in one field is its own, but shares the fields that repeat.
    expect(ash!.fields).not.toBe(oak!.fields);
    expect(ash!.fields[0]).toBe(oak!.fields[0]);
    // The input is left as it was.
    expect(data.collections[1]!.fields).not.toBe(data.collections[0]!.fields);
  });

  it('leaves small objects as copies, since an anchor would cost as much as the object', () => {
    const option = () => ({ label: 'Reading', value: 'reading' });
    const shared = shareRepeats({ a: [option()], b: [option()] });
    expect(shared.a[0]).toEqual(shared.b[0]);
    expect(shared.a[0]).not.toBe(shared.b[0]);
  });

  it('tells apart values that print alike: a string, a number, a missing value', () => {
    const shared = shareRepeats([
      { ...field('x'), value: '1' },
      { ...field('x'), value: 1 },
      { ...field('x'), value: undefined },
    ]);
    expect(shared[0]).not.toBe(shared[1]);
    expect(shared[1]).not.toBe(shared[2]);
    expect(shared.map((item) => item.value)).toEqual(['1', 1, undefined]);
  });
});
