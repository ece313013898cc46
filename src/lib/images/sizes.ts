/** The widest copy of an image ever published: the reading column at twice its width, on a large screen. */
export const MAX_IMAGE_WIDTH = 1600;

/** The widths an image's `srcset` offers, up to `MAX_IMAGE_WIDTH`. */
export const IMAGE_BREAKPOINTS = [320, 480, 640, 800, 1024, 1280, MAX_IMAGE_WIDTH];
