/** Shared shapes of the study methods. */

/** One row of a design: a point of the unit cube [0, 1]^d, one coordinate per parameter, in parameter order. */
export type UnitPoint = number[];
