import type { Dimension } from './dimensions.js';

/** What a number means. Temperature and temperature difference are different kinds (only one has an offset). */
export interface KindSpec {
  readonly dim: Dimension;
  readonly description: string;
  /** An example input string, shown in error messages. */
  readonly example: string;
  /** The unit used when showing a value to a person. */
  readonly display: string;
  /** A bare number is accepted and read as SI (true for dimensionless kinds). */
  readonly siUnitOptional?: boolean;
}

const k = (dim: Dimension, description: string, example: string, display: string, siUnitOptional = false): KindSpec => ({
  dim,
  description,
  example,
  display,
  siUnitOptional,
});

export const QUANTITY_KINDS = {
  temperature: k([0, 0, 0, 1, 0, 0], 'temperature', '25 degC', 'degC'),
  temperatureDifference: k([0, 0, 0, 1, 0, 0], 'temperature difference', '10 K', 'K'),
  pressure: k([-1, 1, -2, 0, 0, 0], 'pressure', '70 bar', 'bar'),
  pressureDifference: k([-1, 1, -2, 0, 0, 0], 'pressure difference', '0.5 bar', 'bar'),
  density: k([-3, 1, 0, 0, 0, 0], 'density', '1.2 kg/m3', 'kg/m3'),
  specificEnthalpy: k([2, 0, -2, 0, 0, 0], 'specific enthalpy', '400 kJ/kg', 'kJ/kg'),
  specificEntropy: k([2, 0, -2, -1, 0, 0], 'specific entropy', '2 kJ/(kg K)', 'kJ/(kg K)'),
  specificHeat: k([2, 0, -2, -1, 0, 0], 'specific heat capacity', '1.005 kJ/(kg K)', 'kJ/(kg K)'),
  speed: k([1, 0, -1, 0, 0, 0], 'speed', '340 m/s', 'm/s'),
  massFlow: k([0, 1, -1, 0, 0, 0], 'mass flow', '100 kg/s', 'kg/s'),
  mass: k([0, 1, 0, 0, 0, 0], 'mass', '1000 t', 't'),
  volume: k([3, 0, 0, 0, 0, 0], 'volume', '300000 m3', 'm3'),
  length: k([1, 0, 0, 0, 0, 0], 'length', '10 m', 'm'),
  area: k([2, 0, 0, 0, 0, 0], 'area', '100 m2', 'm2'),
  time: k([0, 0, 1, 0, 0, 0], 'duration', '4 h', 'h'),
  power: k([2, 1, -3, 0, 0, 0], 'power', '100 MW', 'MW'),
  energy: k([2, 1, -2, 0, 0, 0], 'energy', '400 MWh', 'MWh'),
  heatTransferCoefficient: k([0, 1, -3, -1, 0, 0], 'heat transfer coefficient', '5 W/(m2 K)', 'W/(m2 K)'),
  conductance: k([2, 1, -3, -1, 0, 0], 'thermal conductance (UA)', '500 kW/K', 'kW/K'),
  viscosity: k([-1, 1, -1, 0, 0, 0], 'dynamic viscosity', '1.8e-5 Pa s', 'Pa s'),
  thermalConductivity: k([1, 1, -3, -1, 0, 0], 'thermal conductivity', '0.026 W/(m K)', 'W/(m K)'),
  fraction: k([0, 0, 0, 0, 0, 0], 'fraction', '0.9 or 90 %', '%', true),
  ratePerTime: k([0, 0, -1, 0, 0, 0], 'rate per unit time', '0.1 %/h', '%/h'),
  money: k([0, 0, 0, 0, 0, 1], 'amount of money', '1e6 yuan', 'yuan'),
  pricePerEnergy: k([-2, -1, 2, 0, 0, 1], 'price per energy', '300 yuan/MWh', 'yuan/MWh'),
  pricePerPower: k([-2, -1, 3, 0, 0, 1], 'price per power', '1000 yuan/kW', 'yuan/kW'),
  pricePerPowerTime: k([-2, -1, 2, 0, 0, 1], 'price per power and time', '100 yuan/(kW yr)', 'yuan/(kW yr)'),
  pricePerMass: k([0, -1, 0, 0, 0, 1], 'price per mass', '5 yuan/kg', 'yuan/kg'),
  pricePerVolume: k([-3, 0, 0, 0, 0, 1], 'price per volume', '50 yuan/m3', 'yuan/m3'),
  specificEnergyPerVolume: k([-1, 1, -2, 0, 0, 0], 'energy per volume', '5 kWh/m3', 'kWh/m3'),
  molarMass: k([0, 1, 0, 0, -1, 0], 'molar mass', '44 g/mol', 'g/mol'),
} as const satisfies Record<string, KindSpec>;

export type QuantityKind = keyof typeof QUANTITY_KINDS;
