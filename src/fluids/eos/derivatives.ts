/**
 * Partial derivatives of a reduced Helmholtz energy α(τ, δ), written by the evaluators into a caller-owned object.
 * Names: `d` = ∂/∂δ, `t` = ∂/∂τ; e.g. `dt` = ∂²α/∂δ∂τ. Third derivatives are filled only when asked for.
 */
export class AlphaDerivatives {
  a = 0;
  d = 0;
  t = 0;
  dd = 0;
  dt = 0;
  tt = 0;
  ddd = 0;
  ddt = 0;
  dtt = 0;
  ttt = 0;

  copyFrom(o: AlphaDerivatives): this {
    this.a = o.a;
    this.d = o.d;
    this.t = o.t;
    this.dd = o.dd;
    this.dt = o.dt;
    this.tt = o.tt;
    this.ddd = o.ddd;
    this.ddt = o.ddt;
    this.dtt = o.dtt;
    this.ttt = o.ttt;
    return this;
  }
}
