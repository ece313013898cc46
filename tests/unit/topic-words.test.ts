import { describe, expect, it } from 'vitest';
import { topicIn } from '../../src/lib/topic-words.ts';
import type { Topic } from '../../src/lib/network/types.ts';

const english = { lang: 'en-GB', name: 'Assessment', description: 'What pupils have learned.' };
const welsh = { lang: 'cy', name: 'Asesu', description: 'Beth mae disgyblion wedi’i ddysgu.' };
const topic = (shown: typeof english, versions = [english, welsh]): Topic => ({ id: 'assessment', ...shown, versions });

describe('topicIn', () => {
  it('names a topic in a Welsh page’s own language on an English network', () => {
    expect(topicIn(topic(english), 'cy')).toMatchObject(welsh);
  });

  it('names it in English on an English page of a Welsh school’s own site', () => {
    expect(topicIn(topic(welsh), 'en')).toMatchObject(english);
  });

  it('keeps the build’s words, with their language, when the topic has none in the page’s', () => {
    expect(topicIn(topic(english, [english]), 'cy')).toMatchObject(english);
    expect(topicIn(topic(english), 'fr')).toMatchObject(english);
  });

  it('matches languages whatever their region', () => {
    expect(topicIn(topic(welsh), 'en-US')).toMatchObject(english);
    expect(topicIn(topic(english), 'en').name).toBe('Assessment');
  });
});
