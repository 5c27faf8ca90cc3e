/** POST /api/properties: a fluid's state from two inputs with units (a thin adapter over src/fluids, as `chuneng props`). */
import { fluid, FluidInputError, FluidSolveError, type FluidState, type InputKey, type ReferenceStateName } from '../../fluids/index.js';
import { formatNumber, formatQuantity, parseQuantity, UnitError, type QuantityKind } from '../../units/index.js';
import { HttpError, libraryIssues, type FieldIssue } from '../errors.js';
import { route } from '../router.js';
import { PropertiesRequest, PropertiesResponse } from '../schemas.js';
import { errors } from './responses.js';

/** The input keys of a state and the kind of quantity each is. */
const KEYS: Readonly<Record<InputKey, QuantityKind>> = { T: 'temperature', p: 'pressure', rho: 'density', h: 'specificEnthalpy', s: 'specificEntropy', u: 'specificEnthalpy', Q: 'fraction' };

/** The properties shown formatted, with their display units. */
const DISPLAY: readonly [keyof FluidState, QuantityKind, string][] = [
  ['T', 'temperature', 'degC'],
  ['p', 'pressure', 'bar'],
  ['rho', 'density', 'kg/m3'],
  ['h', 'specificEnthalpy', 'kJ/kg'],
  ['s', 'specificEntropy', 'kJ/(kg K)'],
  ['u', 'specificEnthalpy', 'kJ/kg'],
  ['cp', 'specificHeat', 'kJ/(kg K)'],
  ['cv', 'specificHeat', 'kJ/(kg K)'],
  ['w', 'speed', 'm/s'],
  ['mu', 'viscosity', 'Pa s'],
  ['k', 'thermalConductivity', 'W/(m K)'],
];

export function propertyRoutes() {
  return [
    route({
      method: 'POST',
      path: '/api/properties',
      operationId: 'fluidProperties',
      summary: 'A fluid\'s state from two inputs with units, e.g. { "fluid": "CO2", "input": { "T": "25 degC", "p": "70 bar" } }',
      tag: 'fluids',
      body: PropertiesRequest,
      responses: { 200: { description: 'The state in SI and formatted', schema: PropertiesResponse }, ...errors(400, 413, 422) },
      handle: ({ body, m }) => {
        const issues: FieldIssue[] = [];
        const inputs: Partial<Record<InputKey, number>> = {};
        const entries = Object.entries(body.input);
        if (entries.length !== 2) issues.push({ field: 'input', path: ['input'], code: 'invalid_value', value: Object.keys(body.input), message: `input: give exactly two of ${Object.keys(KEYS).join(', ')} (got ${entries.length})` });
        for (const [key, value] of entries) {
          const field = `input.${key}`;
          if (!(key in KEYS)) {
            issues.push({ field, path: ['input', key], code: 'unknown_key', message: `${field}: unknown input "${key}" (inputs: ${Object.keys(KEYS).join(', ')})` });
            continue;
          }
          try {
            inputs[key as InputKey] = parseQuantity(value, KEYS[key as InputKey], field);
          } catch (e) {
            if (!(e instanceof UnitError)) throw e;
            issues.push(...libraryIssues(e)!.map((i) => ({ ...i, path: ['input', key] })));
          }
        }
        let f;
        try {
          f = fluid(body.fluid, body.referenceState ? { referenceState: body.referenceState as ReferenceStateName } : {});
        } catch (e) {
          if (!(e instanceof FluidInputError)) throw e;
          issues.push({ field: 'fluid', path: ['fluid'], code: 'invalid_value', value: body.fluid, valid: e.valid, message: e.message });
        }
        if (issues.length || !f) throw new HttpError(400, 'invalid_request', m.invalidInput(issues.length), issues);
        let state: FluidState;
        try {
          state = f.state(inputs);
        } catch (e) {
          if (e instanceof FluidInputError) {
            const field = e.field in KEYS ? `input.${e.field}` : 'input';
            throw new HttpError(400, 'invalid_request', m.invalidInput(1), [{ field, path: field.split('.'), code: 'invalid_value', value: e.value, valid: e.valid, message: e.message }]);
          }
          if (e instanceof FluidSolveError) throw new HttpError(422, 'not_solved', e.message);
          throw e;
        }
        const display: Record<string, string> = { phase: state.phase };
        for (const [key, kind, unit] of DISPLAY) {
          const v = state[key];
          if (typeof v === 'number') display[key] = formatQuantity(v, kind, unit, 6);
        }
        if (state.Q !== null) display.Q = formatNumber(state.Q, 6);
        return { json: { fluid: f.name, state, display } };
      },
    }),
  ];
}
