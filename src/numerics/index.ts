export { type SolveResult, solved, failed } from './result.js';
export { brent, safeNewton, ROOT_DEFAULTS, type RootOptions } from './roots.js';
export { compensatedSum, KahanAccumulator } from './sum.js';
export { luFactor, luSolve, type LUFactors } from './lu.js';
export { lobattoNodes, chebFit, chebEval } from './chebyshev.js';
export { normalPdf, normalCdf, normalSurvival, normalQuantile } from './normal.js';
