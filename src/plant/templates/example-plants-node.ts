/**
 * The shipped plant examples (examples/plants/*.yaml) for tests and benches: their file names and each one built as
 * a plant, with the site it states or one changed. Node only (reads files).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parsePlantFile, plantOf, type PlantFile } from './plant-file.js';
import type { PlantModel } from './types.js';

const DIR = new URL('../../../examples/plants/', import.meta.url);

/** The example files' names, sorted. */
export const EXAMPLE_PLANT_FILES: readonly string[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/** An example's plant file, its site changed where `site` says; throws with the file's issues if it does not parse. */
export function examplePlantFile(name: string, site?: Partial<PlantFile['site']>): PlantFile {
  const file = name.endsWith('.yaml') ? name : `${name}.yaml`;
  const parsed = parsePlantFile(readFileSync(new URL(file, DIR), 'utf8'), file);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return site ? { ...parsed.file, site: { ...parsed.file.site, ...site } } : parsed.file;
}

/** An example built as a plant (the file name with or without .yaml); throws with the issues if it cannot be built. */
export function examplePlant(name: string, site?: Partial<PlantFile['site']>): PlantModel {
  const built = plantOf(examplePlantFile(name, site));
  if (!built.ok) throw new Error(built.issues.map((i) => i.message).join('\n'));
  return built.plant;
}
