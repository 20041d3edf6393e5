/** How a fractional minor amount becomes an integer. Half-even is the default everywhere. */
export type RoundingMode = 'halfEven' | 'halfUp' | 'halfDown' | 'up' | 'down' | 'floor' | 'ceil';

const EPS = 1e-9;

/**
 * Rounds a real number to an integer with an explicit mode. Values within 1e-9 of a half are
 * treated as exact halves, so `0.1 + 0.2`-style float noise does not flip a tie.
 *
 * @example
 * roundWith(2.5, 'halfEven') // 2
 * roundWith(-2.5, 'halfUp')  // -3 (away from zero)
 */
export function roundWith(x: number, mode: RoundingMode = 'halfEven'): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const floorA = Math.floor(a + EPS);
  const frac = a - floorA;
  const isInteger = Math.abs(frac) < EPS;
  if (isInteger) return sign * floorA || 0;
  const isHalf = Math.abs(frac - 0.5) < EPS;
  let r: number;
  switch (mode) {
    case 'halfEven':
      r = isHalf ? (floorA % 2 === 0 ? floorA : floorA + 1) : Math.round(a);
      break;
    case 'halfUp':
      r = isHalf ? floorA + 1 : Math.round(a);
      break;
    case 'halfDown':
      r = isHalf ? floorA : Math.round(a);
      break;
    case 'up':
      r = floorA + 1;
      break;
    case 'down':
      r = floorA;
      break;
    case 'floor':
      return Math.floor(x + EPS) || 0;
    case 'ceil':
      return Math.ceil(x - EPS) || 0;
  }
  return sign * r || 0;
}
