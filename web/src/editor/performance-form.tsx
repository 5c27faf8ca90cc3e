/**
 * A plant given by its performance (a battery, or a plant modelled elsewhere): power, energy — or the duration at
 * full power, which sets the energy — round-trip efficiency, losses and wear (src/project/schema.ts PerformanceSchema).
 */
import { useState } from 'react';
import { parseQuantity } from '../../../src/units/index.js';
import { useI18n, formatNumber } from '../i18n/index.js';
import { useEditor } from './context.js';
import { TextField } from './fields.js';
import { getAt } from './paths.js';

function quantity(value: unknown, kind: 'power' | 'energy'): number | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    const x = parseQuantity(value as string | number, kind, kind);
    return Number.isFinite(x) && x > 0 ? x : undefined;
  } catch {
    return undefined;
  }
}

/** Hours at full discharge power; typing them sets the energy. */
function DurationField({ base }: { base: string }) {
  const { project, set } = useEditor();
  const { t, lang } = useI18n();
  const power = quantity(getAt(project, `${base}.power`), 'power');
  const energy = quantity(getAt(project, `${base}.energy`), 'energy');
  const derived = power && energy ? formatNumber(energy / power / 3600, lang, 2) : '';
  const [typing, setTyping] = useState<string | null>(null);
  return (
    <label className="field" data-field={`${base}.duration`}>
      <span className="field-label">{t('sizing.duration')}</span>
      <span className="field-input">
        <input
          type="text"
          value={typing ?? derived}
          placeholder="4"
          onFocus={() => setTyping(derived)}
          onBlur={() => setTyping(null)}
          onChange={(e) => {
            setTyping(e.target.value);
            const h = Number(e.target.value);
            if (power && Number.isFinite(h) && h > 0) set(`${base}.energy`, `${Number(((power * h) / 1e6).toPrecision(10))} MWh`);
          }}
        />
        <span className="field-unit">h</span>
      </span>
    </label>
  );
}

export function PerformanceForm({ plantPath }: { plantPath: string }) {
  const { t } = useI18n();
  const base = `${plantPath}.performance`;
  return (
    <div className="performance-form">
      <div className="sizing">
        <h4>{t('plant.size')}</h4>
        <div className="fields">
          <TextField path={`${base}.power`} label={t('perf.power')} unit="MW" placeholder="100 MW" />
          <TextField path={`${base}.powerCharge`} label={t('perf.powerCharge')} unit="MW" placeholder={t('perf.power')} />
          <TextField path={`${base}.energy`} label={t('perf.energy')} unit="MWh" placeholder="400 MWh" />
          <DurationField base={base} />
        </div>
      </div>
      <h4>{t('plant.performance')}</h4>
      <div className="fields">
        <TextField path={`${base}.technology`} label={t('perf.technology')} placeholder="battery" />
        <TextField path={`${base}.roundTripEfficiency`} label={t('perf.roundTripEfficiency')} unit="%" placeholder="86 %" />
        <TextField path={`${base}.standingLoss`} label={t('perf.standingLoss')} unit="%/h" placeholder="0 %/h" />
        <TextField path={`${base}.degradationCost`} label={t('perf.degradationCost')} unit="yuan/MWh" placeholder="0 yuan/MWh" />
        <TextField path={`${base}.annualDegradation`} label={t('perf.annualDegradation')} unit="%" placeholder="0 %" />
        <TextField path={`${base}.minimumLoad`} label={t('perf.minimumLoad')} unit="%" placeholder="0 %" />
      </div>
    </div>
  );
}
