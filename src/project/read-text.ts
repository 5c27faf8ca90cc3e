/**
 * How a project's named files (price files) are read: a function from the name as written to the text. A module of
 * its own, light to load, so that evaluating a project does not load the project reader (YAML, the schemas and every
 * template's parameters, parse.ts) — the Node edge's dispatch thread evaluates a li-ion plant without them.
 */

/** Reads a file named in a project (a price file) as text; the name is as written in the project. */
export type ReadText = (name: string) => string;

/** A reader for projects that name no files, or whose files come as content (the HTTP API, the web app). */
export function readFromMap(files: Readonly<Record<string, string>>): ReadText {
  return (name) => {
    const text = files[name];
    if (text === undefined) throw new Error(`no file named "${name}" was given with the project (given: ${Object.keys(files).join(', ') || 'none'})`);
    return text;
  };
}
