/** The equipment list of a template plant: machines, heat exchangers and combustors from its design solutions, stores from its store list. */
import type { TemplateBuild } from './plant-model.js';
import type { Equipment } from './types.js';

export function templateEquipment(b: TemplateBuild): Equipment[] {
  const out: Equipment[] = [];
  const seen = new Set<string>();
  for (const [mode, sol] of [
    ['charge', b.designSolutions.charge],
    ['discharge', b.designSolutions.discharge],
  ] as const) {
    for (const r of sol.components()) {
      const id = `${mode}.${r.id}`;
      if (seen.has(id)) continue;
      seen.add(id);
      if (r.type === 'compressor' || r.type === 'turbine' || r.type === 'pump') {
        out.push({ id, kind: r.type, size: Math.abs(r.P_el ?? 0), unit: 'W', note: `electric power at design (shaft ${(Math.abs(r.values.P_shaft ?? 0) / 1e6).toPrecision(4)} MW)` });
      } else if (r.type === 'heat-exchanger') {
        out.push({ id, kind: 'heat-exchanger', size: Math.abs(r.Q ?? 0), unit: 'W', note: 'duty at design' });
        const UA = r.values.UA;
        if (Number.isFinite(UA)) out.push({ id: `${id}.UA`, kind: 'heat-exchanger', size: UA, unit: 'W/K', note: 'conductance at design' });
      } else if (r.type === 'cooler' || r.type === 'heater') {
        out.push({ id, kind: 'heat-exchanger', size: Math.abs(r.Q ?? 0), unit: 'W', note: `${r.type} against ${r.values.T_external !== undefined ? 'an outside sink' : 'the ambient'}: duty at design` });
      } else if (r.type === 'combustor') {
        out.push({ id, kind: 'combustor', size: r.values.thermalInput ?? 0, unit: 'W', note: 'thermal input (LHV) at design' });
      }
    }
  }
  for (const s of b.plant.stores.stores) {
    const x = b.empty;
    if (s.kind === 'cavern') out.push({ id: s.id, kind: 'cavern', size: (s as unknown as { volume: number }).volume, unit: 'm3', note: 'geometric volume' });
    else if (s.kind === 'tank') out.push({ id: s.id, kind: 'tank', size: (s as unknown as { volume: number }).volume, unit: 'm3', note: 'pressure vessel volume' });
    else if (s.kind === 'dome' || s.kind === 'compensated') {
      const o = (s as unknown as { options: { volumeMax: number } }).options;
      out.push({ id: s.id, kind: s.kind === 'dome' ? 'dome' : 'cavern', size: o.volumeMax, unit: 'm3', note: s.kind === 'dome' ? 'largest gas volume of the dome' : 'geometric volume (water-compensated)' });
    } else if (s.kind === 'thermal-store' || s.kind === 'basin') {
      let mass = 0;
      for (let k = 0; k < s.parts.length; k++) mass += s.M(x, k);
      const o = (s as unknown as { options: { tankVolume: number; medium: unknown } }).options;
      out.push({ id: s.id, kind: s.kind === 'basin' ? 'other' : 'thermal-store', size: mass, unit: 'kg', note: `medium ${mediumName(o.medium)}` });
      out.push({ id: `${s.id}.tanks`, kind: 'tank', size: o.tankVolume * s.parts.length, unit: 'm3', note: s.kind === 'basin' ? 'basin volume' : `${s.parts.length} tanks of ${o.tankVolume.toPrecision(4)} m³` });
    }
  }
  if (b.extraEquipment) out.push(...b.extraEquipment);
  return out;
}

/** A store medium's name for a note: a shipped id ('TVP1', { store: 'Water' }) or a user liquid's id, never its whole definition. */
function mediumName(medium: unknown): string {
  if (typeof medium === 'string') return medium;
  const m = medium as { store?: string; liquid?: { id?: string } };
  return m.store ?? m.liquid?.id ?? JSON.stringify(medium);
}
