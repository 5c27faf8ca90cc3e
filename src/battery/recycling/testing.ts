/** A small plant for the tests: one feed stream per call, the documented Chinese cost estimate, the June-2025 prices. */
import { PROCESS_COSTS_CN_ESTIMATE } from '../data/recycling-costs.js';
import type { RecyclingRoute } from '../data/recycling-recovery.js';

export function plantInput(route: RecyclingRoute, feed: readonly object[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'test line',
    feed,
    line: { capacity: '3.2 t/h', hoursPerYear: '7200 h', availability: '90 %', staff: 160, labourCostPerPerson: '110000 yuan' },
    sorting: { secondLifeShare: 0 },
    route,
    costs: PROCESS_COSTS_CN_ESTIMATE[route],
    ...extra,
  };
}

/** Retired units as received in Luoyang: an LFP storage module (16 × 280 Ah × 3.2 V) and EV packs. */
export const UNITS = {
  LFP: { chemistry: 'LFP', form: 'module', unitsPerYear: 60000, unitMass: '105 kg', unitEnergy: '14.336 kWh' },
  NCM523: { chemistry: 'NCM523', form: 'pack', unitsPerYear: 10000, unitMass: '450 kg', unitEnergy: '60 kWh' },
  NCM622: { chemistry: 'NCM622', form: 'pack', unitsPerYear: 10000, unitMass: '450 kg', unitEnergy: '65 kWh' },
  NCM811: { chemistry: 'NCM811', form: 'pack', unitsPerYear: 10000, unitMass: '450 kg', unitEnergy: '75 kWh' },
} as const;
