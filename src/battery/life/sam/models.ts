/** SAM's calendar + cycle-table models with SAM's LFP and NMC library parameters (src/battery/data/life-sam.ts). */
import { SAM_LFP_GRAPHITE, SAM_NMC_GRAPHITE } from '../../data/life-sam.js';
import type { LifeModelInfo } from '../model.js';
import { SamCalendarCycleModel } from './calendar-cycle.js';

const IMPLEMENTATION = 'NREL/ssc e97a19f8e035b6c8845690ee23c01b598c36d550 shared/lib_battery_lifetime_calendar_cycle.cpp (life_model 0)';

export const SAM_LFP_INFO: LifeModelInfo = {
  id: 'sam-lfp',
  name: "SAM calendar + cycle table, LFP/graphite (SAM library 'LFPGraphite')",
  chemistry: 'LFP/graphite',
  source: {
    reference: 'NREL SAM battery lifetime model; parameters: NREL/SAM f82790dd deploy/libraries/BatteryStateful/BatteryStateful_LFPGraphite.json',
    implementation: IMPLEMENTATION,
  },
  // the table spans 10–100 % DOD; SAM states no temperature range for the calendar fit
  validity: { temperatureC: null, dod: [0.1, 1], soc: [0, 1], maxChargeRate: null, maxDischargeRate: null },
  hasResistance: false,
  cellCapacityAh: 2.25,
};

export const SAM_NMC_INFO: LifeModelInfo = {
  id: 'sam-nmc',
  name: "SAM calendar + cycle table, NMC/graphite (SAM library 'NMCGraphite', generic Li-ion calendar)",
  chemistry: 'NMC/graphite',
  source: {
    reference: 'NREL SAM battery lifetime model; parameters: NREL/SAM 4365fcb2 deploy/libraries/BatteryStateful/BatteryStateful_NMCGraphite.json',
    implementation: IMPLEMENTATION,
  },
  validity: { temperatureC: null, dod: [0.1, 1], soc: [0, 1], maxChargeRate: null, maxDischargeRate: null },
  hasResistance: false,
  cellCapacityAh: 3.2,
};

export const samLfpModel = () => new SamCalendarCycleModel(SAM_LFP_INFO, SAM_LFP_GRAPHITE);
export const samNmcModel = () => new SamCalendarCycleModel(SAM_NMC_INFO, SAM_NMC_GRAPHITE);
