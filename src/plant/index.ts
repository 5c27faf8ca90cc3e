/**
 * Plant networks: components joined by streams, solved for their steady state, with exergy and diagnostics.
 *
 *   const net = new Network({ deadState: { T: 293.15, p: 101325 } });
 *   net.add(new Source('air', { fluid: 'Air', ambient: true }), new Compressor('C1', { eta_s: 0.85, pr: 8 }), …);
 *   net.connect('air', 'C1', { m: 100 });                 // SI: kg/s, Pa, K, J/kg
 *   const r = net.solve();                                  // SolveResult<Solution>; throws only for a bad network
 *   if (r.ok) r.value.streams(), r.value.components(), r.value.balances(), r.value.paths();
 *
 * or from a file: parseNetworkText(yaml) → { ok, network } | { ok: false, issues } (format: file/schema.ts).
 *
 * Components (ports; parameters — each a specification that adds its equation):
 *   source (out; fluid, ambient) · sink (in; ambient)
 *   compressor, pump, turbine (in, out; eta_s | eta_poly, pr | p_out, P, P_el, eta_mech, eta_el, etaChar; turbine
 *     also coneLaw) · power-bus (members, P, sense)
 *   heat-exchanger (hot_in, hot_out, cold_in, cold_out; pr1|dp1, pr2|dp2, ttd_u, ttd_l, ttd_min, Q, eps, UA)
 *   heater, cooler (in, out; pr|dp, Q, T_external, sink) · valve, pipe (in, out; pr | dp | p_out; pipe also Q)
 *   mixer (in1…inN, out) · splitter (in, out1…outN; fractions) · combustor (air, fuel, out; pr|dp, lambda)
 *   two-tank-store (supply, return; fluid, T, p) · gas-holder, storage-vessel (out or in; fluid, mode, p, T | Q)
 *   cycle-closer (in, out)
 * Stream specifications: m, p, T, h, Q (vapour quality), fluid.
 *
 * A converged solution that breaks the second law or its specification's sense — a compressor that expands, a
 * pipe that raises the pressure, a stream against its connection, a temperature cross, negative exergy destruction
 * (violations.ts) — is a failed result `{ ok: false, reason, violations, last }` unless the network or the component
 * accepts it (`allowUnphysical`: in a file, at the top level or on a component entry); accepted, it is a warning.
 */
export { Network, DEFAULT_DEAD_STATE, type Connection, type ConnectionOptions, type NetworkOptions, type NetworkSolveResult, type SolveStats, type SolveFailure } from './network/network.js';
export {
  PhysicsViolationError,
  VIOLATION_KINDS,
  VIOLATION_MEANINGS,
  VIOLATION_TOLERANCES,
  describeViolations,
  type PhysicsViolation,
  type Violation,
  type ViolationKind,
  type UnphysicalAllowance,
} from './violations.js';
export { Solution, type StreamRow, type Balances, type Balance, type ProcessPathData, type PathPoint } from './network/solution.js';
export { SOLVER_DEFAULTS, type SolverOptions } from './network/newton.js';
export type { Equation, PortRef, GradientSink, Scales } from './core/equation.js';
export { Evaluator } from './core/evaluator.js';
export { PlantInputError, NetworkSpecificationError, type Problem } from './errors.js';
export { Component, type ComponentReport, type DeadState, type Builder, type Guess, type ReportContext, type ProcessPath, type OutsideHeat } from './core/component.js';
export { Source, type SourceParams } from './components/source.js';
export { Sink, type SinkParams } from './components/sink.js';
export { Compressor, type CompressorParams } from './components/compressor.js';
export { Turbine, type TurbineParams, type ConeLaw } from './components/turbine.js';
export { Pump, type PumpParams } from './components/pump.js';
export { Turbomachine, type TurbomachineParams, type EfficiencyCharacteristic } from './components/turbomachine.js';
export { HeatExchanger, HEAT_EXCHANGER_SLICES, type HeatExchangerParams } from './components/heat-exchanger.js';
export { Heater, Cooler, type SimpleHeatExchangerParams } from './components/simple-heat-exchanger.js';
export { Valve, type ValveParams } from './components/valve.js';
export { Pipe, type PipeParams } from './components/pipe.js';
export { Mixer, type MixerParams } from './components/mixer.js';
export { Splitter, type SplitterParams } from './components/splitter.js';
export { Combustor, type CombustorParams } from './components/combustor.js';
export { TwoTankStore, type TwoTankStoreParams } from './components/two-tank-store.js';
export { GasHolder, type GasHolderParams } from './components/gas-holder.js';
export { StorageVessel, type StorageVesselParams } from './components/storage-vessel.js';
export { PowerBus, type PowerBusParams } from './components/power-bus.js';
export { internalPinch, PinchPoint, type Side } from './components/pinch.js';
export type { CharacteristicLine } from './components/characteristic.js';
export type { StreamSpecs } from './core/specs.js';
export { resolveFluid, type FluidSpec } from './fluids/resolve.js';
export { pressurisedWater, PressurisedWater } from './fluids/water-store.js';
export { StreamState, type StreamFluid } from './fluids/stream-fluid.js';
export { CombustionGas } from './fluids/combustion-gas.js';
export { CycleCloser } from './components/cycle-closer.js';
export { parseNetwork, parseNetworkText, networkFromFile, type NetworkFileParse, type NetworkIssue } from './file/load.js';
export { NetworkFileSchema, AllowUnphysicalSchema, ComponentSchema, type NetworkFile } from './file/schema.js';
export { COMPONENTS, declarationOf, declarations, type ComponentType, type ParamsOf, type ComponentOf } from './components/registry.js';
export { declareComponent, type ComponentDeclaration } from './core/declaration.js';
export { FluidSchema, type ParameterSchema, type ParameterMeta } from './core/parameters.js';
export type { NetworkDocument, ComponentDocEntry, ConnectionDocEntry } from './network/doc.js';
