import type { VerdictState } from './verdict';

/**
 * The verdict's icon, drawn as inline SVG (no emoji: a machine without an emoji font would show a
 * box). Shape differs per state so the verdict never rests on colour alone.
 */
const SVG = 'http://www.w3.org/2000/svg';

const SHAPES: Record<VerdictState, string[]> = {
  // no-entry sign: a circle with a bar
  RESTRICT: ['M32 4a28 28 0 1 0 0.01 0z', 'M14 27h36v10H14z'],
  // warning triangle with an exclamation mark
  CAUTION: ['M32 4L62 58H2z', 'M29 22h6v20h-6z', 'M29 46h6v6h-6z'],
  // star
  INCENTIVE: ['M32 3l8.5 19.5 21 2-16 14 4.8 20.5L32 48l-18.3 11 4.8-20.5-16-14 21-2z'],
  // tick in a circle
  CLEAR: ['M32 4a28 28 0 1 0 0.01 0z', 'M18 33l9 9 19-20'],
  // question mark in a circle
  UNAVAILABLE: ['M32 4a28 28 0 1 0 0.01 0z', 'M23 24a9 9 0 1 1 13 8c-3 2-4 3-4 7', 'M32 46v4'],
  // magnifier
  NOT_FOUND: ['M27 6a19 19 0 1 0 0.01 0z', 'M40 40l18 18'],
};

/** Filled states draw their first shape solid and the rest as cut-outs; the others are outlines. */
const FILLED: Record<VerdictState, boolean> = {
  RESTRICT: true,
  CAUTION: true,
  INCENTIVE: true,
  CLEAR: false,
  UNAVAILABLE: false,
  NOT_FOUND: false,
};

export function verdictIcon(state: VerdictState): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 64 64');
  svg.setAttribute('class', 'verdict-icon');
  svg.setAttribute('aria-hidden', 'true');
  SHAPES[state].forEach((d, i) => {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    if (FILLED[state]) path.setAttribute('class', i === 0 ? 'icon-fill' : 'icon-cut');
    else path.setAttribute('class', 'icon-line');
    svg.appendChild(path);
  });
  return svg;
}
