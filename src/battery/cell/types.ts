/**
 * A lithium-ion cell as the system model sees it: an equivalent circuit (open-circuit voltage as a function of
 * state of charge, a series resistance as a function of state of charge and temperature), its limits, its mass and
 * heat capacity, and the life model (src/battery/life) that ages it. Presets live in src/battery/data/cells-*.ts,
 * each field with its source or marked as an assumption.
 */

/** A piecewise-linear table y(x), x strictly increasing. */
export interface Table1D {
  readonly x: readonly number[];
  readonly y: readonly number[];
}

/** How cells are put together by default (a manufacturer's typical storage product for this cell). */
export interface CellLayoutDefaults {
  /** Cells in series in one module (one cell in parallel). Unit: - */
  readonly cellsPerModule: number;
  /** Modules in series in one rack (cluster): the rack is one DC string. Unit: - */
  readonly modulesPerRack: number;
  /** Racks in one container. Unit: - */
  readonly racksPerContainer: number;
  /** Where the layout comes from. */
  readonly source: string;
}

export interface CellPreset {
  readonly id: string;
  readonly label: string;
  readonly chemistry: 'LFP/graphite' | 'NMC/graphite';
  /** Nominal (rated) capacity at the datasheet's standard rate and 25 °C. Unit: C (A s) */
  readonly capacity: number;
  /** Nominal voltage. Unit: V */
  readonly voltageNominal: number;
  /** Discharge cut-off voltage. Unit: V */
  readonly voltageMin: number;
  /** Charge cut-off voltage. Unit: V */
  readonly voltageMax: number;
  /** Open-circuit voltage against state of charge (0–1 of the present capacity). Unit: x -, y V */
  readonly ocv: Table1D;
  /**
   * Effective DC series resistance at the reference temperature against state of charge: the resistance that
   * gives the cell's energy loss over hour-long constant-power steps (ohmic + charge transfer + diffusion
   * polarisation), not the 1 kHz AC value. Unit: x -, y Ω
   */
  readonly resistance: Table1D;
  /**
   * Gap between the charge and discharge open-circuit voltages (LFP's two-phase hysteresis): charging sees
   * U + gap/2, discharging U − gap/2; the gap times the current is heat. Unit: V
   */
  readonly ocvHysteresis: number;
  /** Temperature at which `resistance` holds. Unit: K */
  readonly resistanceReferenceTemperature: number;
  /** Activation energy of R(T) = R_ref exp(Ea/R (1/T − 1/T_ref)). Unit: J/mol */
  readonly resistanceActivationEnergy: number;
  /** Highest continuous charge power as a multiple of the nominal energy per hour (the P-rate of GB/T 36276). Unit: 1/h */
  readonly maxChargeRate: number;
  /** Highest continuous discharge power, likewise. Unit: 1/h */
  readonly maxDischargeRate: number;
  /** Unit: kg */
  readonly mass: number;
  /** Unit: J/(kg K) */
  readonly specificHeat: number;
  /** Reversible self-discharge as a fraction of the stored charge per second. Unit: 1/s */
  readonly selfDischarge: number;
  /** Id of the life model (src/battery/life) that applies to this cell. */
  readonly lifeModel: string;
  readonly layout: CellLayoutDefaults;
  /** Every source, and every assumption, by field. */
  readonly sources: Readonly<Record<string, string>>;
}
