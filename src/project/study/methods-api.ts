/**
 * The study methods this runner uses (H5's src/project/study/methods), imported in one place. Their index.ts states
 * the API; until it exports it, the runner reaches the same functions through their own files here.
 */
export { fullFactorial } from './methods/grid.js';
export { latinHypercube } from './methods/lhs.js';
export { sobolSequence } from './methods/sobol.js';
export { saltelliDesign, type SaltelliDesign } from './methods/saltelli.js';
export { sobolIndices, type SobolIndices } from './methods/sobol-indices.js';
export { morrisDesign, morrisIndices, type MorrisDesign, type MorrisIndices } from './methods/morris.js';
export { tornadoDesign, tornadoBars, type TornadoResult } from './methods/tornado.js';
export { summarize, exceedance, type Summary, type Exceedance } from './methods/statistics.js';
export { seededRng } from './methods/rng.js';
export { checkStudyDistribution, valuesFromUnit, type StudyDistribution } from './methods/distributions.js';
export type { UnitPoint } from './methods/types.js';
export { Nsga2, type Evaluation as Nsga2Evaluation } from './methods/nsga2.js';
