/** The liquid CO2 template (liquid-co2.ts): its parameter schema and its builder. */
export { LIQUID_CO2_SCHEMA, COLD_STORE_LIQUIDS, type LiquidCo2Params } from './schema.js';
export { liquidCo2 } from './liquid-co2.js';
