import { describe, expect, test } from 'vitest';
import {
  formatState,
  isActive,
  pagefindFilters,
  parseState,
  sortsByDate,
  toggleFilter,
} from '../../src/client/search/search-state.ts';

describe('search state in the URL', () => {
  test('round-trips a query, filters and sort', () => {
    const query = '?q=phonics+daily&school=Oak+Primary+School&topic=Reading&topic=SEND&sort=newest';
    const state = parseState(query);
    expect(state).toEqual({
      q: 'phonics daily',
      sort: 'newest',
      filters: { school: ['Oak Primary School'], topic: ['Reading', 'SEND'] },
    });
    expect(formatState(state)).toBe(query);
    expect(parseState(formatState(state))).toEqual(state);
  });

  test('ignores unknown parameters, empty values and repeats', () => {
    expect(parseState('?utm_source=x&topic=&topic=Reading&topic=Reading&sort=oldest')).toEqual({
      q: '',
      sort: 'relevance',
      filters: { topic: ['Reading'] },
    });
  });

  test('an empty search is an empty query string', () => {
    expect(formatState(parseState(''))).toBe('');
    expect(isActive(parseState(''))).toBe(false);
    expect(isActive(parseState('?year=2024'))).toBe(true);
  });

  test('lists newest first when asked, or when there is no query to rank by', () => {
    expect(sortsByDate(parseState('?q=x'))).toBe(false);
    expect(sortsByDate(parseState('?q=x&sort=newest'))).toBe(true);
    expect(sortsByDate(parseState('?topic=Reading'))).toBe(true);
  });
});

describe('Pagefind filters', () => {
  test('values of one facet widen, facets narrow, and one facet can be left out', () => {
    const state = parseState('?topic=Reading&topic=SEND&school=Oak');
    expect(pagefindFilters(state)).toEqual({ school: { any: ['Oak'] }, topic: { any: ['Reading', 'SEND'] } });
    expect(pagefindFilters(state, 'topic')).toEqual({ school: { any: ['Oak'] } });
  });

  test('toggling a value adds or removes it without touching the original', () => {
    const state = parseState('?topic=Reading');
    const more = toggleFilter(state, 'topic', 'SEND', true);
    expect(more.filters.topic).toEqual(['Reading', 'SEND']);
    expect(state.filters.topic).toEqual(['Reading']);
    expect(toggleFilter(state, 'topic', 'Reading', false).filters).toEqual({});
  });
});
