import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPlant } from './index.js';
import { PlantInputError } from '../errors.js';
import { MIN_STORE_SECONDS } from './co2-gas-liquid.js';

test('a CO2 liquid tank inside its declared range but too small to store minutes is refused at design, naming the volume it needs (issue 12, item 4: it failed deep in a flash at 17,500 kg/m3)', () => {
  const params = (volume: string) => ({ charge: { power: '100 MW' }, discharge: { power: '100 MW' }, liquidTank: { volume } });
  let needed = 0;
  assert.throws(
    () => createPlant('co2-gas-liquid', params('1 m3')),
    (e: unknown) => {
      if (!(e instanceof PlantInputError) || e.field !== 'liquidTank.volume') return false;
      const m = /at least (\d+) m3$/.exec(e.message);
      needed = Number(m?.[1]);
      return /stores at least 15 min of design flow/.test(e.message);
    },
  );
  // the volume it names is enough: the design's shorter phase lasts MIN_STORE_SECONDS or more
  const plant = createPlant('co2-gas-liquid', params(`${needed} m3`));
  const f = plant.design().figures;
  const massWindow = f.liquidMassWindow.value;
  assert.ok(massWindow / Math.max(f.chargeMassFlow.value, f.dischargeMassFlow.value) >= MIN_STORE_SECONDS * (1 - 1e-9));
});
