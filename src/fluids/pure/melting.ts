import type { MeltingLinePart } from '../eos/types.js';

/**
 * The pressure above which the fluid is solid at T: the melting pressure p_m(T) of the melting-line parts whose
 * pressure rises with temperature (the usual case; water's ice Ih, whose melting pressure falls with T, lies below
 * the EOS's lower temperature limit and is skipped). Returns undefined where no such part covers T.
 * Unit: Pa
 */
export function meltingPressure(parts: readonly MeltingLinePart[], T: number): number | undefined {
  let pm: number | undefined;
  for (const part of parts) {
    if (T < part.Tmin || T > part.Tmax) continue;
    if (partPressure(part, part.Tmax) <= partPressure(part, part.Tmin)) continue;
    const p = partPressure(part, T);
    pm = pm === undefined ? p : Math.min(pm, p);
  }
  return pm;
}

/** CoolProp's forms: polynomialInTr: p = p0 (1 + Σ a ((T/T0)^t − 1)); polynomialInTheta: p = p0 (1 + Σ a (T/T0 − 1)^t);
 *  simon: p = p0 + a ((T/T0)^c − 1). */
function partPressure(part: MeltingLinePart, T: number): number {
  {
    const r = T / part.T0;
    switch (part.type) {
      case 'polynomialInTr': {
        let s = 1;
        for (let i = 0; i < part.a.length; i++) s += part.a[i] * (Math.pow(r, part.t[i]) - 1);
        return part.p0 * s;
      }
      case 'polynomialInTheta': {
        let s = 1;
        for (let i = 0; i < part.a.length; i++) s += part.a[i] * Math.pow(r - 1, part.t[i]);
        return part.p0 * s;
      }
      case 'simon':
        return part.p0 + part.a[0] * (Math.pow(r, part.t[0]) - 1);
    }
  }
}
