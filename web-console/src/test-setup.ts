import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// Ant Design's tables and grids ask the viewport's media queries, which jsdom does not answer: a narrow-free screen
if (!window.matchMedia) {
  window.matchMedia = (media: string) => ({
    matches: false, media, onchange: null, addListener: () => undefined, removeListener: () => undefined,
    addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false,
  });
}
