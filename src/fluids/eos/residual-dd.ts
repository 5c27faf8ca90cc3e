import type { ResidualTerm } from './types.js';
import { DD, ddExp, ddLog } from '../../numerics/dd.js';

/**
 * αʳ and ∂αʳ/∂δ in double-double precision, straight from the term definitions (slow; no caching). Used where
 * a result is a tiny difference of these quantities: phase equilibrium within millikelvins of the critical point.
 */
export function residualDD(terms: readonly ResidualTerm[], tau: DD, delta: DD): { a: DD; d: DD } {
  let a = DD.of(0);
  let d = DD.of(0);
  const lnTau = ddLog(tau);
  const tauPow = (t: number) => (Number.isInteger(t) && t >= 0 ? tau.powInt(t) : ddExp(lnTau.mul(t)));
  for (const term of terms) {
    for (let i = 0; i < term.n.length; i++) {
      if (term.type === 'power') {
        let v = tauPow(term.t[i]).mul(delta.powInt(term.d[i])).mul(term.n[i]);
        let factor = DD.of(term.d[i]);
        if (term.l[i] !== 0) {
          const dl = delta.powInt(term.l[i]);
          v = v.mul(ddExp(dl.neg()));
          factor = factor.sub(dl.mul(term.l[i]));
        }
        a = a.add(v);
        d = d.add(v.mul(factor).div(delta));
      } else if (term.type === 'gaussian') {
        const de = delta.sub(term.epsilon[i]);
        const dt = tau.sub(term.gamma[i]);
        const arg = de.mul(de).mul(-term.eta[i]).sub(dt.mul(dt).mul(term.beta[i]));
        const v = tauPow(term.t[i]).mul(delta.powInt(term.d[i])).mul(ddExp(arg)).mul(term.n[i]);
        a = a.add(v);
        d = d.add(v.mul(DD.of(term.d[i]).div(delta).sub(de.mul(2 * term.eta[i]))));
      } else {
        let x = delta.sub(1);
        if (Math.abs(x.hi) < 1e-13) x = DD.of(x.hi < 0 ? -1e-13 : 1e-13);
        const y = tau.sub(1);
        const s = x.mul(x);
        const lnS = ddLog(s);
        const q = 1 / (2 * term.beta[i]);
        const sq = ddExp(lnS.mul(q));
        const sa = ddExp(lnS.mul(term.a[i]));
        const theta = y.neg().add(sq.mul(term.A[i]));
        const Dl = theta.mul(theta).add(sa.mul(term.B[i]));
        // Δ_x = 2θ A (2q x s^(q−1)) + B (2a x s^(a−1))
        const Dx = theta.mul(sq.div(s).mul(x).mul(4 * q * term.A[i])).add(sa.div(s).mul(x).mul(2 * term.a[i] * term.B[i]));
        const psi = ddExp(s.mul(-term.C[i]).sub(y.mul(y).mul(term.D[i])));
        const Eb = ddExp(ddLog(Dl).mul(term.b[i]));
        const Ex = Eb.div(Dl).mul(term.b[i]).mul(Dx);
        const px = x.mul(-2 * term.C[i]).mul(psi);
        const H = Eb.mul(psi);
        const Hx = Ex.mul(psi).add(Eb.mul(px));
        a = a.add(delta.mul(H).mul(term.n[i]));
        d = d.add(H.add(delta.mul(Hx)).mul(term.n[i]));
      }
    }
  }
  return { a, d };
}
