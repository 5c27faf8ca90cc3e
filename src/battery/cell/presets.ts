/** The shipped cell presets by id. */
import { PlantInputError } from '../../plant/errors.js';
import { LFP_280AH } from '../data/cells-lfp.js';
import { NMC_94AH } from '../data/cells-nmc.js';
import type { CellPreset } from './types.js';

export const CELL_PRESETS: Readonly<Record<string, CellPreset>> = { [LFP_280AH.id]: LFP_280AH, [NMC_94AH.id]: NMC_94AH };

export const CELL_PRESET_IDS = Object.keys(CELL_PRESETS);

/** The preset with this id; `field` names where the id was written, for the error. */
export function cellPreset(id: string, field = 'cell'): CellPreset {
  const p = CELL_PRESETS[id];
  if (!p) throw new PlantInputError('battery', field, id, `one of ${CELL_PRESET_IDS.join(', ')}`);
  return p;
}
