/**
 * Coefficients of NREL BLAST-Lite's semi-empirical life models, as published in the package.
 * Source: github.com/NREL/BLAST-Lite, commit bae8c719b7cf24a28724debeb4e2aa5f77ba5f6e (v1.1.0, 2025-05-15, BSD-3),
 * files blast/models/<model>.py, property `_params_life` and `experimental_range` (transcribed; the equations are
 * written in src/battery/life/blast/*.ts).
 */

/**
 * Lfp_Gr_250AhPrismatic (blast/models/lfp_gr_250AhPrismatic_2019.py): large-format prismatic LFP/graphite cells,
 * > 250 Ah, energy-to-power ratio 6 /h. Ageing data: P. Gasper et al., J. Energy Storage (2023),
 * https://doi.org/10.1016/j.est.2023.109042.
 *   calendar: q_t = kcal t^pcal, kcal = |p1| exp(p2/T) exp(p3 Ua/T)      (t in days, T in K, Ua in V)
 *   cycling:  q_EFC = kcyc EFC^pcyc, kcyc = (p4 + p5 DOD + p6 Crate)(exp(p7/T) + exp(−p8/T))
 */
export const LFP_GR_250AH = {
  p1: 8.37e4,
  p2: -5.21e3,
  p3: -3.56e3,
  pcal: 0.526,
  p4: 4.38e-8,
  p5: 1.55e-8,
  p6: 1.68e-7,
  p7: 2.19e3,
  p8: 1.55e5,
  pcyc: 0.828,
  capacityAh: 250,
  validity: { temperatureC: [10, 45], dod: [0.8, 1], soc: [0, 1], maxChargeRate: 0.65, maxDischargeRate: 1 },
} as const;
