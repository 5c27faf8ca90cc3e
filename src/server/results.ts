/**
 * What the API serves of a plant's evaluation, made once when the plant is done: its part of results.json, the hourly
 * schedule as plain arrays (ScheduleData), the yearly cash flow, and the CSV texts `evaluate --out` writes.
 */
import { cashFlowCsv, resultsJson, scheduleCsv, type PlantEvaluation, type ProjectEvaluation, type YearlyCashFlow } from '../project/index.js';
import type { PlantResultTexts } from './store.js';

/** A plant's hourly schedule as plain arrays (HTTP and the web worker). SI: money/J, W, J. */
export interface ScheduleData {
  /** Unit: ms since the epoch (UTC) */
  readonly startMs: number;
  /** Unit: s */
  readonly stepSeconds: number;
  /** Local time = UTC + this. Unit: min */
  readonly utcOffsetMinutes: number;
  /** Unit: J */
  readonly energyCapacity: number;
  /** Unit: money/J */
  readonly price: readonly number[];
  /** Dispatched charging power. Unit: W */
  readonly charge: readonly number[];
  /** Dispatched discharging power. Unit: W */
  readonly discharge: readonly number[];
  /** Stored energy at the end of each step. Unit: J */
  readonly energy: readonly number[];
  /** Charging power the plant model realises (template plants). Unit: W */
  readonly plantCharge?: readonly number[];
  /** Discharging power the plant model realises (template plants). Unit: W */
  readonly plantDischarge?: readonly number[];
}

export function scheduleData(p: PlantEvaluation): ScheduleData {
  const s = p.schedule;
  return {
    startMs: s.startMs,
    stepSeconds: s.stepSeconds,
    utcOffsetMinutes: s.utcOffsetMinutes,
    energyCapacity: p.performance.energyCapacity,
    price: Array.from(s.price),
    charge: Array.from(s.charge),
    discharge: Array.from(s.discharge),
    energy: Array.from(s.energy),
    ...(p.replay ? { plantCharge: Array.from(p.replay.charge), plantDischarge: Array.from(p.replay.discharge) } : {}),
  };
}

/** The plant's object of results.json: resultsJson maps each plant on its own, so one plant gives its entry. */
export function plantJson(p: PlantEvaluation): object {
  const one = resultsJson({ plants: [p] } as unknown as ProjectEvaluation) as { plants: object[] };
  return one.plants[0];
}

export function plantTexts(p: PlantEvaluation): PlantResultTexts {
  const currency = p.finance.currency;
  const cashFlow: YearlyCashFlow = p.finance.cashFlow;
  return {
    name: p.name,
    plantJson: JSON.stringify(plantJson(p)),
    scheduleJson: JSON.stringify(scheduleData(p)),
    cashFlowJson: JSON.stringify(cashFlow),
    scheduleCsv: scheduleCsv(p, currency),
    cashFlowCsv: cashFlowCsv(p, currency),
  };
}

/** File names as in a results folder (resultFiles): schedule-<i+1>-<name>.csv, cashflow-<i+1>-<name>.csv. */
export function resultFileName(kind: 'schedule' | 'cashflow', index: number, plantName: string, ext: string): string {
  return `${kind}-${index + 1}-${plantName.replace(/[^\w.-]+/g, '_')}.${ext}`;
}
