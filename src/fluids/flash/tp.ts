import type { FluidState } from '../state.js';
import type { PureFluid } from '../pure/pure-fluid.js';
import { MolarProperties, evaluateProperties } from '../eos/properties.js';
import { DensityResult, densityTP } from './density-tp.js';
import { isobarTable } from './isobar-table.js';
import { singlePhaseLabel, stateFromProperties } from './build.js';
import { checkNotSolid, checkPressure, checkTemperature } from './validate.js';
import { verifyInputs } from './verify.js';

const dr = new DensityResult();
const m = new MolarProperties();

/** The state at (T, p): always single-phase (on the saturation line itself a quality is needed). */
export function flashTP(fluid: PureFluid, T: number, p: number): FluidState {
  checkTemperature(fluid, T, '(T, p) flash');
  checkPressure(fluid, p, '(T, p) flash');
  checkNotSolid(fluid, T, p, '(T, p) flash');
  // a starting density from the isobar table cuts the Newton iterations on the density by about half
  densityTP(fluid, T, p, 'auto', dr, 0, isobarTable(fluid));
  evaluateProperties(fluid.eos, T, dr.rhoMolar, m);
  verifyInputs(fluid, '(T, p) flash', 'T', T, m.T, 'p', p, m.p, 0, m.rhoMolar * m.dpdrhoMolar);
  return stateFromProperties(fluid, m, singlePhaseLabel(fluid, T, p, dr.liquidLike), null, p);
}
