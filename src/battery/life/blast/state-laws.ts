/**
 * BLAST-Lite's state updates: a degradation state y that follows a trajectory y(x) under constant stress is advanced
 * over dx with the slope dy/dx of that trajectory at the present y (so the stress may change between updates).
 * Each returns the increment dy.
 */

/** Power law y = k x^p: dy/dx = k p (y/k)^((p−1)/p); from y = 0 the first step is k dx^p. */
export function powerLawIncrement(y: number, dx: number, k: number, p: number): number {
  if (dx === 0) return 0;
  if (y === 0) return k * dx ** p;
  return k * p * (y / k) ** ((p - 1) / p) * dx;
}

/** Power law y = (k x)^p: with z = y^(1/p)/k, dy/dx = p (k z)^p / z; from y = 0 the first step is (k dx)^p. */
export function powerLawBIncrement(y: number, dx: number, k: number, p: number): number {
  if (dx === 0) return 0;
  if (y === 0) return (k * dx) ** p;
  const z = y ** (1 / p) / k;
  return ((p * (k * z) ** p) / z) * dx;
}

/**
 * Sigmoid y = 2 y∞ (1/2 − 1/(1 + exp((k x)^p))): the slope at the x that gives the present y;
 * from y = 0 the first step is the trajectory itself. A state at or beyond its asymptote (y∞ follows the stress, so
 * it can fall below y) holds: the sigmoid is flat there, where BLAST-Lite's formula takes the log of a negative
 * number and every state becomes NaN.
 */
export function sigmoidIncrement(y: number, dx: number, yInf: number, k: number, p: number): number {
  if (dx === 0) return 0;
  if (y === 0) return 2 * yInf * (0.5 - 1 / (1 + Math.exp((k * dx) ** p)));
  if (!(Math.abs(y) < Math.abs(yInf)) || y * yInf < 0) return 0;
  const xInv = (1 / k) * Math.log(-((2 * yInf) / (y - yInf)) - 1) ** (1 / p);
  const z = (k * xInv) ** p;
  return ((2 * yInf * p * Math.exp(z) * z) / (xInv * (Math.exp(z) + 1) ** 2)) * dx;
}

/** Exponential relaxation y = y∞ (1 − exp(−τ x)): dy/dx = τ y∞² / (y∞ − y), never negative. */
export function exponentialRelaxIncrement(y: number, dx: number, yInf: number, tau: number): number {
  if (dx === 0) return 0;
  const slope = (tau * yInf * yInf) / (yInf - y);
  return slope < 0 ? 0 : slope * dx;
}
