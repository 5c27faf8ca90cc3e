/**
 * How a gas-liquid CO2 plant is sized: by the volume of its liquid tanks, by the electricity a full discharge
 * delivers, or by the length of a full discharge at the design discharge power — exactly one of them (none: the
 * default tank volume). The liquid tanks follow from energy or duration once the discharge design point gives the
 * flow and the net power; the thermal stores, the dome and the basin follow from the tanks as before.
 */
import { PlantInputError } from '../../errors.js';

/** The liquid tanks' volume when neither liquidTank.volume, energy nor duration is given (about 4 h at 100 MW). Unit: m³ */
export const DEFAULT_TANK_VOLUME = 17000;

export interface Sizing {
  readonly by: 'volume' | 'energy' | 'duration';
  /** m³ (volume), J (energy) or s (duration). */
  readonly value: number;
  /** The field as a plant file writes it. */
  readonly field: 'liquidTank.volume' | 'energy' | 'duration';
  /** The value as the user gave it, for messages. */
  readonly text: string;
}

/** The one sizing the parameters give; two or three: an error naming the second. */
export function sizingOf(where: string, p: { readonly liquidTank: { readonly volume?: number | undefined }; readonly energy?: number | undefined; readonly duration?: number | undefined }): Sizing {
  const given: Sizing[] = [];
  if (p.liquidTank.volume !== undefined) given.push({ by: 'volume', value: p.liquidTank.volume, field: 'liquidTank.volume', text: `${p.liquidTank.volume} m3` });
  if (p.energy !== undefined) given.push({ by: 'energy', value: p.energy, field: 'energy', text: `${p.energy / 3.6e9} MWh` });
  if (p.duration !== undefined) given.push({ by: 'duration', value: p.duration, field: 'duration', text: `${p.duration / 3600} h` });
  if (given.length > 1) {
    throw new PlantInputError(where, given[1].field, given[1].text, `only one of liquidTank.volume, energy and duration: ${given[0].field} (${given[0].text}) is given too`);
  }
  return given[0] ?? { by: 'volume', value: DEFAULT_TANK_VOLUME, field: 'liquidTank.volume', text: `${DEFAULT_TANK_VOLUME} m3 (the default)` };
}

/** The liquid tanks' volume for a sizing, given the design discharge flow (kg/s), net power (W) and the CO2 a cubic metre of tank takes between full and empty (kg/m³). Unit: m³ */
export function tankVolumeOf(s: Sizing, dischargeFlow: number, dischargeNetPower: number, windowPerVolume: number): number {
  if (s.by === 'volume') return s.value;
  const seconds = s.by === 'duration' ? s.value : s.value / dischargeNetPower;
  return (seconds * dischargeFlow) / windowPerVolume;
}
