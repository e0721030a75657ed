import type { AxeResults, RunOptions } from 'axe-core';

/**
 * The few browser globals that code inside `page.evaluate` uses. The project's tsconfig has no DOM
 * library (it must not leak into src/), so page-side code reads `globalThis as unknown as PageGlobals`.
 * Types only: nothing here exists at run time in the page.
 */
export interface PageGlobals {
  readonly document: PageDocument;
  readonly innerHeight: number;
  getComputedStyle(element: PageElement): { readonly outlineStyle: string; readonly outlineWidth: string; readonly backgroundColor: string; readonly borderLeftColor: string };
  readonly axe?: { run(context: PageDocument, options: RunOptions): Promise<AxeResults> };
}

export interface PageDocument {
  readonly activeElement: PageElement | null;
  readonly documentElement: { readonly scrollWidth: number };
  querySelector(selector: string): PageElement | null;
}

export interface PageElement {
  readonly tagName: string;
  readonly id: string;
  readonly textContent: string | null;
  closest(selector: string): PageElement | null;
  getBoundingClientRect(): { readonly top: number; readonly bottom: number; readonly width: number };
}
