/**
 * What the API serves of a plant's evaluation, made once when the plant is done: its part of results.json, the hourly
 * schedule as plain arrays (the report layer's ScheduleData, as the web worker posts it), the yearly cash flow, and the
 * CSV texts `evaluate --out` writes.
 */
import { cashFlowCsv, plantResultsJson, scheduleCsv, type PlantEvaluation, type YearlyCashFlow } from '../project/index.js';
import { scheduleData } from '../report/index.js';
import type { PlantResultTexts } from './store.js';

export function plantTexts(p: PlantEvaluation): PlantResultTexts {
  const currency = p.finance.currency;
  const cashFlow: YearlyCashFlow = p.finance.cashFlow;
  return {
    name: p.name,
    plantJson: JSON.stringify(plantResultsJson(p)),
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
