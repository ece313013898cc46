/**
 * The length of a post's description the check asks for, in characters. The browser editor shows it too,
 * and loads this module on its own rather than the whole check.
 */
export const descriptionLength = { min: 50, max: 300 } as const;
