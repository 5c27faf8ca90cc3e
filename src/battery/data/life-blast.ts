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

/**
 * Nmc111_Gr_Kokam75Ah_Battery (blast/models/nmc111_gr_Kokam75Ah_2017.py): Kokam 75 Ah NMC111/graphite pouch cells,
 * K. Smith et al., "Life prediction model for grid-connected Li-ion battery energy storage system", American
 * Control Conference 2017, https://doi.org/10.23919/ACC.2017.7963578.
 *   T_N = T / 308.15 K, Ua_N = Ua / 0.123 V
 *   q1 = q1_0 exp(q1_1 / T_N) exp(q1_2 Ua_N / T_N)              calendar Li loss, q_LLI_t = q1 t^q2 (t days)
 *   q3 = q3_0 exp(q3_1 / T_N) exp(q3_2 exp(DOD²))               cycling Li loss,  q_LLI_EFC = q3 EFC^q4
 *   q5 = q5_0 + q5_1 (T − 55 °C) DOD mean(SOC)/0.6             active-material loss, a sigmoid in EFC (1/q5, p_LAM)
 *   resistance: r_LLI_t = r1 q1 t^r2, r_LLI_EFC = r3 q3 EFC^r4; r_LAM = r5 + r6 / q_LAM
 */
export const NMC111_GR_KOKAM_75AH = {
  q1_0: 2.66e7,
  q1_1: -17.8,
  q1_2: -5.21,
  q2: 0.357,
  q3_0: 3.8e3,
  q3_1: -18.4,
  q3_2: 1.04,
  q4: 0.778,
  q5_0: 1e4,
  q5_1: 153,
  p_LAM: 10,
  r1: 0.057,
  r2: 1.25,
  r3: 4.87,
  r4: 0.712,
  r5: -0.08,
  r6: 1.09,
  /** Initial active-material loss (a sigmoid state cannot start at 0) and the active-material capacity at 0 loss. */
  qLossLamInitial: 1e-8,
  qLamMax: 1.01,
  capacityAh: 75,
  validity: { temperatureC: [0, 45], dod: [0.8, 1], soc: [0, 1], maxChargeRate: 1, maxDischargeRate: 1 },
} as const;

/**
 * Nmc811_GrSi_LGMJ1_4Ah_Battery (blast/models/nmc811_grSi_LGMJ1_4Ah_2020.py): LG MJ1 18650 NMC811/graphite-silicon,
 * data from the EU EVERLASTING project report D2.3 (2020),
 * https://everlasting-project.eu/wp-content/uploads/2020/03/EVERLASTING_D2.3_final_20200228.pdf.
 *   k_cal = A exp(B/T) exp(C SOC/T),  q_t = k_cal t^p_cal (t days)
 *   k_cyc = (A + B Crate + C DOD)(exp(D/T) + exp(−E/T)),  q_EFC = k_cyc EFC^p_cyc
 * No knee: the model's note says cycling predictions will not show one, and high-DOD predictions are doubtful.
 */
export const NMC811_GRSI_LGMJ1_4AH = {
  qcal_A: 0.0353,
  qcal_B: -1.03e3,
  qcal_C: 57.7,
  qcal_p: 0.743,
  qcyc_A: 1.77e-7,
  qcyc_B: 8.08e-13,
  qcyc_C: 2.21e-7,
  qcyc_D: 2.25e3,
  qcyc_E: 1.14e4,
  qcyc_p: 0.695,
  capacityAh: 3.5,
  validity: { temperatureC: [0, 50], dod: [0.2, 0.8], soc: [0.1, 0.9], maxChargeRate: 1, maxDischargeRate: 3 },
} as const;

/**
 * Nmc622_Gr_DENSO50Ah_Battery (blast/models/nmc622_gr_DENSO50Ah_2021.py): DENSO 50 Ah NMC622/graphite EV cells,
 * K. Smith et al., J. Electrochem. Soc. 168 (2021) 100530, https://doi.org/10.1149/1945-7111/ac2ebd.
 *   Arrhenius A(Ea) = exp(−Ea/8.3144 (1/T − 1/298.15)), T and SOC the slice's plain means
 *   b1t = A(b1t_Ea)(b1t_0 + b1t_1 SOC + b1t_2 SOC² + b1t_3 SOC³ + b1t_4 SOC T + b1t_5 max(0, T − 328.15 K))
 *   b1N = max(0, b1N_0 A(b1N_Ea_1) √(DOD Cchg) (1 + b1N_1 SOC) + b1N_2) + b1N_3 A(b1N_Ea_2) DOD⁶
 *   q_t = b1t √t (days), q_EFC = b1t b1N b1N_4 √EFC (a step losing more than 1e-2 is replaced by 5e-4 per EFC)
 * Cchg: the slice's mean charging rate (√(DOD × throughput rate) when it has no charging), the one stressor of the
 * shipped models that separates 0.5C from 1C charging.
 */
export const NMC622_GR_DENSO_50AH = {
  b1t_Ea: 37000,
  b1t_0: -0.000197,
  b1t_1: 0.0101,
  b1t_2: -0.0157,
  b1t_3: 0.00835,
  b1t_4: -4.06e-6,
  b1t_5: 3.32e-5,
  b1N_Ea_1: -58000,
  b1N_0: 3.24,
  b1N_1: 2.1,
  b1N_2: -0.099,
  b1N_3: 1.44,
  b1N_Ea_2: -13000,
  b1N_4: 0.985,
  R: 8.3144,
  capacityAh: 50,
  validity: { temperatureC: [10, 60], dod: [0.1, 1], soc: [0, 1], maxChargeRate: 1, maxDischargeRate: 1 },
} as const;

/**
 * Lfp_Gr_SonyMurata3Ah_Battery (blast/models/lfp_gr_SonyMurata3Ah_2018.py): Sony-Murata US26650FTC1 3 Ah
 * LFP/graphite cells tested at TU Munich (M. Naumann et al., calendar: https://doi.org/10.1016/j.est.2018.01.019,
 * cycling: https://doi.org/10.1016/j.jpowsour.2019.227666); capacity model identified at NREL
 * (https://doi.org/10.1149/1945-7111/ac86a8), resistance model after Naumann et al., refitted.
 *   calendar Li loss: sigmoid in t (days) with y∞ = q1, k = q2, p = q3, where (Ua in V, T in K)
 *     q1 = |q1_b0 exp(q1_b1 √Ua / T²) exp(q1_b2 √Ua / T)|,
 *     q3 = |q3_b0 exp(q3_b1 Ua^⅓ / T⁴) exp(q3_b2 T³ Ua^¼) exp(q3_b3 Ua^⅓ / T³) exp(q3_b4 T² Ua^¼)|
 *   cycling Li loss: (q5 EFC)^q6, q5 = |q5_b0 + q5_b1 DOD + q5_b2 exp(DOD² Crate³)|
 *   break-in (only above 3 EFC a day): sigmoid in EFC with y∞ = q7, k = q8, p = q9,
 *     q7 = |q7_b0 skewnorm(SOC) skewnorm(DOD) sigmoid(DOD; 1, q7_dod_growth, 1)|
 *   resistance: r = 1 + k_cal(T) k_cal(SOC) t_s + (A Crate + B)(C (DOD − 0.5)³ + D) EFC / 100, with
 *     k_cal(T) = k_ref exp(−Ea/8.3144 (1/T − 1/298.15)), k_cal(SOC) = C_r_cal (SOC − 0.5)³ + D_r_cal
 * No temperature dependence of cycling fade (cycling was tested at 25 and 45 °C only).
 */
export const LFP_GR_SONYMURATA_3AH = {
  q2: 0.000130510034211874,
  q1_b0: 0.98968715129359,
  q1_b1: -2881067.56019324,
  q1_b2: 8742.06309157261,
  q3_b0: 0.000332850281062177,
  q3_b1: 734553185711.369,
  q3_b2: -2.8216157562078e-6,
  q3_b3: -3284991315.45121,
  q3_b4: 0.0012722759365729,
  q8: 0.00303553871631028,
  q9: 1.43752162947637,
  q7_b0: 0.582258029148225,
  q7_soc_skew: 0.0583128906965484,
  q7_soc_width: 0.208738181522897,
  q7_dod_skew: -3.80744333129564,
  q7_dod_width: 1.1612626042821,
  q7_dod_growth: 25.4130804598602,
  q6: 1.12847759334355,
  q5_b0: -6.81260579372875e-6,
  q5_b1: 2.59615973160844e-5,
  q5_b2: 2.11559710307295e-6,
  k_ref_r_cal: 3.4194e-10,
  Ea_r_cal: 71827,
  C_r_cal: -3.3903,
  D_r_cal: 1.5604,
  A_r_cyc: -0.002,
  B_r_cyc: 0.0021,
  C_r_cyc: 6.8477,
  D_r_cyc: 0.91882,
  /** Initial break-in loss (a sigmoid state cannot start at 0). */
  qLossBreakInInitial: 1e-10,
  capacityAh: 3,
  validity: { temperatureC: [20, 40], dod: [0.8, 1], soc: [0, 1], maxChargeRate: 1, maxDischargeRate: 2 },
} as const;
