/**
 * The power conversion system (PCS, the bidirectional inverter) and the step-up transformer between the battery's
 * DC bus and the grid.
 *
 * PCS part-load efficiency: the normalised curve of NREL's PVWatts (Dobos, A. P., "PVWatts Version 5 Manual",
 * NREL/TP-6A20-62641, 2014, eq. 11), fitted by NREL to the CEC inverter test data (efficiency measured at 10, 20,
 * 30, 50, 75 and 100 % of rating):
 *   η(ζ) = (η_nom / η_ref) · (−0.0162 ζ − 0.0059 / ζ + 0.9858),   η_ref = 0.9637,   ζ = P_dc / P_dc0
 * so that η(1) = η_nom. The same curve is used both ways (charging: ζ = AC input / AC rating); η_nom of a modern
 * 1500 V storage PCS is 98.5 % (ASSUMPTION in the typical range of datasheets' maximum efficiency, 98.5–99 %).
 * All PCS units share the load equally (no staging of units at part load: an assumption that understates part-load
 * efficiency a little for a plant controller that switches units off).
 *
 * Transformer: no-load (iron) loss drawn whenever the plant is connected, load (copper) loss ∝ loading²
 * (ASSUMPTION: 0.1 % and 0.8 % of rating, the order of 35 kV oil-immersed step-up transformers).
 */
import { PlantInputError } from '../../plant/errors.js';

/** PVWatts v5 eq. 11 coefficients (Dobos 2014). */
export const PVWATTS_INVERTER_CURVE = { linear: -0.0162, inverse: -0.0059, constant: 0.9858, reference: 0.9637 } as const;

export interface PcsSpec {
  /** AC rating of all PCS units together. Unit: W */
  readonly ratedPower: number;
  /** Efficiency at rated power, η_nom. Unit: - */
  readonly nominalEfficiency: number;
}

export interface TransformerSpec {
  /** Unit: W (VA at unity power factor) */
  readonly rating: number;
  /** No-load loss as a fraction of rating. Unit: - */
  readonly noLoadLoss: number;
  /** Load loss at rated current as a fraction of rating. Unit: - */
  readonly loadLoss: number;
}

export const PCS_DEFAULTS = { nominalEfficiency: 0.985 } as const;
export const TRANSFORMER_DEFAULTS = { noLoadLoss: 0.001, loadLoss: 0.008 } as const;

export function checkPcs(p: PcsSpec, where = 'pcs'): void {
  if (!(p.ratedPower > 0)) throw new PlantInputError(where, 'ratedPower', p.ratedPower, '> 0 W');
  if (!(p.nominalEfficiency > 0.5 && p.nominalEfficiency < 1)) throw new PlantInputError(where, 'nominalEfficiency', p.nominalEfficiency, '0.5 < η < 1');
}

/** The PCS efficiency at loading ζ (0 at loadings below the curve's zero, where the PCS only covers its tare). Unit: - */
export function pcsEfficiency(pcs: PcsSpec, loading: number): number {
  const c = PVWATTS_INVERTER_CURVE;
  if (!(loading > 0)) return 0;
  const eta = (pcs.nominalEfficiency / c.reference) * (c.linear * loading + c.inverse / loading + c.constant);
  return Math.max(0, eta);
}

/** DC rating P_dc0 = P_ac0 / η_nom. Unit: W */
function dcRating(pcs: PcsSpec): number {
  return pcs.ratedPower / pcs.nominalEfficiency;
}

/** Discharging: AC out of the PCS for a DC input. Unit: W */
export function pcsAcFromDc(pcs: PcsSpec, dc: number): number {
  return dc * pcsEfficiency(pcs, dc / dcRating(pcs));
}

/** Discharging: the DC input that gives `ac` W out (inverse of pcsAcFromDc, the small root of its quadratic). Unit: W */
export function pcsDcForAc(pcs: PcsSpec, ac: number): number {
  if (ac <= 0) return 0;
  const c = PVWATTS_INVERTER_CURVE;
  const k = pcs.nominalEfficiency / c.reference;
  const P0 = dcRating(pcs);
  // k (a ζ² + c ζ + b) P0 = ac  ⇒  a ζ² + c ζ + (b − y) = 0, y = ac/(k P0); small root written without cancellation
  const y = ac / (k * P0);
  const D = c.constant * c.constant - 4 * c.linear * (c.inverse - y);
  return ((2 * (y - c.inverse)) / (c.constant + Math.sqrt(D))) * P0;
}

/** Charging: DC out of the PCS for an AC input, η at loading AC input / AC rating. Unit: W */
export function pcsDcFromAc(pcs: PcsSpec, ac: number): number {
  return ac * pcsEfficiency(pcs, ac / pcs.ratedPower);
}

/** Charging: the AC input that gives `dc` W into the battery (inverse of pcsDcFromAc). Unit: W */
export function pcsAcForDc(pcs: PcsSpec, dc: number): number {
  if (dc <= 0) return 0;
  const c = PVWATTS_INVERTER_CURVE;
  const k = pcs.nominalEfficiency / c.reference;
  const P0 = pcs.ratedPower;
  const y = dc / (k * P0);
  const D = c.constant * c.constant - 4 * c.linear * (c.inverse - y);
  return ((2 * (y - c.inverse)) / (c.constant + Math.sqrt(D))) * P0;
}

/** Transformer load loss at a power through it. Unit: W */
export function transformerLoadLoss(t: TransformerSpec, power: number): number {
  const x = power / t.rating;
  return t.loadLoss * t.rating * x * x;
}

/** Discharging: the PCS-side power that gives `grid` W at the grid (P − ll P²/S = grid). Unit: W */
export function transformerInputFor(t: TransformerSpec, grid: number): number {
  if (grid <= 0) return 0;
  const a = t.loadLoss / t.rating;
  return (2 * grid) / (1 + Math.sqrt(Math.max(0, 1 - 4 * a * grid)));
}

/** No-load loss, drawn whenever connected. Unit: W */
export function transformerNoLoadLoss(t: TransformerSpec): number {
  return t.noLoadLoss * t.rating;
}
